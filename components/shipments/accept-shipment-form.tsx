"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { RejectForm } from "./reject-form";

/** The recipient's answer to everything still on its way in the shipment, in one ledger write. */
export function AcceptShipmentForm({
  summary,
  isWhole,
  action,
}: {
  /** The shipment's receive action (receiveShipmentAction bound to its reference). */
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** False once a lot was answered alone: what is left is then answered lot by lot. */
  isWhole: boolean;
  /** What is still on its way, as "2 pallets, 1 lot". */
  summary: string;
}) {
  return (
    <div className="flex flex-col gap-3">
      <Form action={action} aria-label="Accept the whole shipment" className="flex flex-col gap-3">
        <input type="hidden" name="decision" value="accept" />
        <SubmitButton pendingLabel="Recording the receipt…">
          {isWhole ? "Accept the whole shipment" : "Accept the rest"} ({summary})
        </SubmitButton>
      </Form>
      <RejectForm
        action={action}
        label={isWhole ? "Refuse the whole shipment" : "Refuse the rest"}
      />
    </div>
  );
}
