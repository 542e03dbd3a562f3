"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/** A new place of the organisation: GLN with check digit, address, optional coordinates. */
export function AddLocationForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const field = (name: string) => ({
    name,
    defaultValue: state?.values?.[name],
    isInvalid: state?.field === name,
  });
  return (
    <form action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <TextField label="Name" {...field("name")} />
      <TextField
        label="GLN"
        inputMode="numeric"
        hint="13 digits, the last one a check digit"
        {...field("gln")}
      />
      <TextField label="Address" autoComplete="street-address" {...field("address")} />
      <div className="grid grid-cols-2 gap-3">
        <TextField label="Latitude" inputMode="decimal" hint="Optional" {...field("latitude")} />
        <TextField label="Longitude" inputMode="decimal" hint="Optional" {...field("longitude")} />
      </div>
      <SubmitButton pendingLabel="Adding…">Add location</SubmitButton>
    </form>
  );
}
