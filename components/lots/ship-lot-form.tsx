"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

type Recipient = { gln: string; name: string; kind: string };

/** Shipping: pick who the lot goes to (the rest is optional), one big button. */
export function ShipLotForm({
  action,
  recipients,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  recipients: Recipient[];
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <FormError state={state} />
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">Ship to</span>
        <select
          name="recipientGln"
          defaultValue={state?.values?.recipientGln ?? ""}
          className="min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg"
        >
          <option value="">Choose who receives it…</option>
          {recipients.map((r) => (
            <option key={r.gln} value={r.gln}>
              {r.name} ({r.kind.toLowerCase()})
            </option>
          ))}
        </select>
      </label>
      <TextField
        label="Bill of lading (optional)"
        name="billOfLading"
        autoComplete="off"
        hint="Leave empty to use LotLedger's shipment number as the reference."
        defaultValue={state?.values?.billOfLading}
      />
      <TextField
        label="Carrier (optional)"
        name="carrierName"
        autoComplete="off"
        hint="Who drives it, if not the recipient."
        defaultValue={state?.values?.carrierName}
      />
      <SubmitButton pendingLabel="Recording the shipment…">Ship this lot</SubmitButton>
    </form>
  );
}
