"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Said for an empty or malformed address, before the round trip as after it (actions.ts). */
const RESET_EMAIL_MISSING = "Enter the email address you sign in with.";

/** "Forgot your password?": the address to send a reset link to. */
export function RequestPasswordResetForm({ action }: { action: Action }) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        required
        missingMessage={RESET_EMAIL_MISSING}
        invalidMessage={RESET_EMAIL_MISSING}
      />
      <SubmitButton pendingLabel="Sending…">Email me a reset link</SubmitButton>
    </Form>
  );
}

/** The new password, sent with the emailed link's one-time token. */
export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        minLength={8}
        maxLength={128}
        required
        missingMessage="Choose a password of at least 8 characters."
        invalidMessage="Choose a password of at least 8 characters."
      />
      <SubmitButton pendingLabel="Saving…">Save the new password</SubmitButton>
    </Form>
  );
}
