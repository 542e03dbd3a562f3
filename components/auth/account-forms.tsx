"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

export function SignInForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        autoCapitalize="off"
        required
        missingMessage="Enter your email."
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        missingMessage="Enter your password."
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </Form>
  );
}

/** The invitee's name and a password of their own; then they are signed in. */
export function AcceptInvitationForm({
  action,
  organizationName,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  organizationName: string;
}) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <TextField label="Your name" name="name" autoComplete="name" required />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        required
        minLength={8}
        invalidMessage="Choose a password of at least 8 characters."
      />
      <SubmitButton pendingLabel="Joining…">Join {organizationName}</SubmitButton>
    </Form>
  );
}
