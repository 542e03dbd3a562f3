"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { RejectForm } from "./reject-form";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The one big button for a pallet on its way to the member's organisation: accept it, all its lots
 * in one ledger write; refusing it is folded away and needs a reason. Shown where the pallet's
 * label is scanned (the unit page) and on its shipment's page.
 */
export function AcceptUnitForm({
  sscc,
  lotCount,
  caseCount,
  action,
}: {
  sscc: string;
  lotCount: number;
  caseCount: number;
  /** The shipment's receive action (receiveShipmentAction bound to its reference). */
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const counted = [
    plural(lotCount, "lot", "lots"),
    caseCount > 0 ? plural(caseCount, "case", "cases") : null,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="flex flex-col gap-3">
      <Form action={action} aria-label={`Accept pallet ${sscc}`} className="flex flex-col gap-3">
        <input type="hidden" name="decision" value="accept" />
        <input type="hidden" name="sscc" value={sscc} />
        <SubmitButton pendingLabel="Recording the receipt…">
          Accept this pallet ({counted})
        </SubmitButton>
      </Form>
      <RejectForm action={action} sscc={sscc} label="Refuse this pallet" />
    </div>
  );
}
