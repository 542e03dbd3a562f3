"use client";

import { Form } from "../forms/form";
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
  return (
    <details className="rounded-xl border-2 border-stone-300 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-800">
        Cancel this shipment
      </summary>
      <Form action={action} aria-label="Cancel this shipment" className="mt-3 flex flex-col gap-3">
        <p className="text-base">
          Lot {lotCode} comes back to you and {recipientName} can no longer receive it. Only do this
          if the goods have not left, or are coming back.
        </p>
        <TextField label="Why? (optional)" name="reason" autoComplete="off" maxLength={200} />
        <SubmitButton pendingLabel="Cancelling the shipment…" tone="danger">
          Yes, cancel the shipment
        </SubmitButton>
      </Form>
    </details>
  );
}
