"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** "Forgot your password?": the address to send a reset link to. */
export function RequestPasswordResetForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        defaultValue={state?.values?.email}
        isInvalid={state?.field === "email"}
        required
      />
      <SubmitButton pendingLabel="Sending…">Email me a reset link</SubmitButton>
    </form>
  );
}

/** The new password, sent with the emailed link's one-time token. */
export function ResetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        minLength={8}
        maxLength={128}
        isInvalid={state?.field === "password"}
        required
      />
      <SubmitButton pendingLabel="Saving…">Save the new password</SubmitButton>
    </form>
  );
}
