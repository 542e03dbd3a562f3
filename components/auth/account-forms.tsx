"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

export function SignInForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state?.values?.email}
        required
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
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
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <TextField
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={state?.values?.name}
        isInvalid={state?.field === "name"}
      />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        isInvalid={state?.field === "password"}
      />
      <SubmitButton pendingLabel="Joining…">Join {organizationName}</SubmitButton>
    </form>
  );
}
