"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

const SELECT = "min-h-12 w-full rounded-xl border-2 border-stone-300 bg-white px-3 text-lg";

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
  action: (state: FormState, data: FormData) => Promise<FormState>;
  senderName: string;
  document: { label: string; number: string } | null;
  /** The quantity shipped, as "60 kg", and its unit; null when the lot has none recorded. */
  shipped: { quantity: string; unit: string } | null;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <div className="flex flex-col gap-4">
      <FormError state={state} />
      {document ? (
        <p className="rounded-xl bg-stone-100 p-3 text-lg" data-testid="receiving-document">
          Check the paperwork: {document.label.toLowerCase()}{" "}
          <span className="break-all font-mono font-semibold">{document.number}</span>
        </p>
      ) : null}
      <form action={formAction} className="flex flex-col gap-4">
        <input type="hidden" name="decision" value="accept" />
        <TextField
          label={shipped ? `Counted quantity (${shipped.unit})` : "Counted quantity"}
          name="countedQuantity"
          inputMode="decimal"
          autoComplete="off"
          pattern="[0-9]+([.,][0-9]{1,3})?"
          hint={
            shipped
              ? `Shipped: ${shipped.quantity} ${shipped.unit}. Count what arrived; leave empty if not counted.`
              : "Count what arrived; leave empty if not counted."
          }
          defaultValue={state?.values?.countedQuantity}
          isInvalid={state?.field === "countedQuantity"}
        />
        <label className="flex flex-col gap-1.5">
          <span className="text-base font-semibold">Condition on arrival</span>
          <select
            name="condition"
            defaultValue={state?.values?.condition ?? "good"}
            aria-invalid={state?.field === "condition" || undefined}
            className={SELECT}
          >
            <option value="good">Good</option>
            <option value="damaged">Damaged</option>
            <option value="temperature_abuse">Temperature abuse</option>
          </select>
        </label>
        <TextField
          label="Temperature on arrival (°C)"
          name="temperature"
          inputMode="decimal"
          autoComplete="off"
          pattern="-?[0-9]{1,2}([.,][0-9])?"
          hint="As read on the probe or the logger; leave empty if not measured."
          defaultValue={state?.values?.temperature}
          isInvalid={state?.field === "temperature"}
        />
        <SubmitButton pendingLabel="Recording the receipt…">
          Accept shipment from {senderName}
        </SubmitButton>
      </form>
      <details className="rounded-xl border-2 border-stone-300 bg-white p-3">
        <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-800">
          Reject it instead
        </summary>
        <form action={formAction} className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="decision" value="reject" />
          <TextField
            label="Why is it rejected?"
            name="reason"
            defaultValue={state?.values?.reason}
            isInvalid={state?.field === "reason"}
          />
          <button
            type="submit"
            className="min-h-12 rounded-xl border-2 border-red-800 px-4 text-lg font-semibold text-red-800"
          >
            Reject shipment
          </button>
        </form>
      </details>
    </div>
  );
}
