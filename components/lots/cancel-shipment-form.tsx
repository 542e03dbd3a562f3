"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * For the sender while nobody has received the lot: take it back (LotTracker.cancelHandoff). Folded
 * away, and confirmed with a second, explicit button, so a stray tap on the lot page cannot stop a
 * shipment that is on the road.
 */
export function CancelShipmentForm({
  action,
  lotCode,
  recipientName,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lotCode: string;
  recipientName: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <details className="rounded-xl border-2 border-stone-300 bg-white p-3" open={Boolean(state)}>
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-800">
        Cancel this shipment
      </summary>
      <form action={formAction} className="mt-3 flex flex-col gap-3">
        <FormError state={state} />
        <p className="text-base">
          Lot {lotCode} comes back to you and {recipientName} can no longer receive it. Only do this
          if the goods have not left, or are coming back.
        </p>
        <TextField
          label="Why? (optional)"
          name="reason"
          autoComplete="off"
          defaultValue={state?.values?.reason}
          isInvalid={state?.field === "reason"}
        />
        <SubmitButton pendingLabel="Cancelling the shipment…" tone="danger">
          Yes, cancel the shipment
        </SubmitButton>
      </form>
    </details>
  );
}
