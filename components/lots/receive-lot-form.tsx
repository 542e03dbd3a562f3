"use client";

import { QUANTITY_INPUT_PATTERN, QUANTITY_INVALID } from "@/lib/epcis/quantity";
import { ARRIVAL_TEMPERATURE_INVALID, REJECTION_REASON } from "@/lib/events/receiving-terms";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

const CONDITIONS = [
  { value: "good", label: "Good" },
  { value: "damaged", label: "Damaged" },
  { value: "temperature_abuse", label: "Temperature abuse" },
];

/**
 * Receiving: what arrived is counted and checked (quantity, condition, temperature on arrival), then
 * accept is the one big button; rejecting needs a reason. The shipment's reference document is named
 * first, so the receiver checks the paperwork in hand against it. A count that differs from what was
 * shipped is recorded as such in the receiving event.
 */
export function ReceiveLotForm({
  action,
  senderName,
  document,
  shipped,
}: {
  action: Action;
  senderName: string;
  document: { label: string; number: string } | null;
  /** The quantity shipped, as "60 kg", and its unit; null when the lot has none recorded. */
  shipped: { quantity: string; unit: string } | null;
}) {
  return (
    <div className="flex flex-col gap-4">
      {document ? (
        <p className="rounded-xl bg-stone-100 p-3 text-lg" data-testid="receiving-document">
          Check the paperwork: {document.label.toLowerCase()}{" "}
          <span className="break-all font-mono font-semibold">{document.number}</span>
        </p>
      ) : null}
      <Form action={action} aria-label="Accept this shipment" className="flex flex-col gap-4">
        <input type="hidden" name="decision" value="accept" />
        <TextField
          label={shipped ? `Counted quantity (${shipped.unit})` : "Counted quantity"}
          name="countedQuantity"
          inputMode="decimal"
          autoComplete="off"
          pattern={QUANTITY_INPUT_PATTERN}
          invalidMessage={QUANTITY_INVALID}
          hint={
            shipped
              ? `Shipped: ${shipped.quantity} ${shipped.unit}. Count what arrived; leave empty if not counted.`
              : "Count what arrived; leave empty if not counted."
          }
        />
        <SelectField
          label="Condition on arrival"
          name="condition"
          options={CONDITIONS}
          defaultValue="good"
        />
        <TextField
          label="Temperature on arrival (°C)"
          name="temperature"
          inputMode="decimal"
          autoComplete="off"
          pattern="-?[0-9]{1,2}([.,][0-9])?"
          invalidMessage={ARRIVAL_TEMPERATURE_INVALID}
          hint="As read on the probe or the logger; leave empty if not measured."
        />
        <SubmitButton pendingLabel="Recording the receipt…">
          Accept shipment from {senderName}
        </SubmitButton>
      </Form>
      <RejectShipmentForm action={action} />
    </div>
  );
}

/** Folded away under the accept form: rejecting is the exception, and it needs a reason. */
function RejectShipmentForm({ action }: { action: Action }) {
  return (
    <details className="rounded-xl border-2 border-stone-300 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-800">
        Reject it instead
      </summary>
      <Form action={action} aria-label="Reject this shipment" className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="decision" value="reject" />
        <TextField
          label="Why is it rejected?"
          name="reason"
          autoComplete="off"
          required
          missingMessage={REJECTION_REASON}
        />
        <button
          type="submit"
          className="min-h-12 rounded-xl border-2 border-red-800 px-4 text-lg font-semibold text-red-800"
        >
          Reject shipment
        </button>
      </Form>
    </details>
  );
}
