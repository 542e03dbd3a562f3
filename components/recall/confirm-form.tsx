"use client";

import type { RecallInput } from "@/lib/recall/terms";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/**
 * The last step, and a serious one: it says what confirming does — records the recall on the
 * ledger, where it can be lifted but never erased, and notifies every organisation concerned — in a
 * red frame apart from the routine buttons, with the button in the alarm style.
 */
export function RecallConfirmForm({
  action,
  input,
  lotCode,
  lotCount,
  quantity,
  organizations,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  input: RecallInput;
  lotCode: string;
  /** Lots in the scope: the lot and every lot made from it. */
  lotCount: number;
  /** The stock in scope, as "48 case + 100 kg". */
  quantity: string;
  /** The organisations that will be notified. */
  organizations: string[];
}) {
  return (
    <Form
      action={action}
      aria-labelledby="confirm-heading"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border-4 border-red-700 bg-white p-4"
    >
      <h2 id="confirm-heading" className="text-xl font-black text-red-900">
        <span aria-hidden="true">⚠ </span>Confirm the recall: this cannot be undone, only lifted
      </h2>
      <p data-testid="confirm-consequences">
        Confirming records the recall of lot {lotCode} on the ledger, puts{" "}
        <strong>
          {lotCount} {lotCount === 1 ? "lot" : "lots"}
        </strong>
        {quantity ? ` (${quantity})` : ""} under it, and notifies{" "}
        <strong>
          {organizations.length} {organizations.length === 1 ? "organisation" : "organisations"}
        </strong>
        {organizations.length > 0 ? `: ${organizations.join(", ")}` : ""}. Their staff are told to
        take the stock off sale now.
      </p>
      <input type="hidden" name="reason" value={input.reason} />
      <input type="hidden" name="severity" value={input.severity} />
      <SubmitButton pendingLabel="Recording the recall on the ledger…" tone="alarm">
        Confirm the recall of lot {lotCode}
      </SubmitButton>
    </Form>
  );
}
