"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";

/**
 * Receiving: accept is the one big button; rejecting needs a reason. The shipment's reference
 * document is named first, so the receiver checks the paperwork in hand against it.
 */
export function ReceiveLotForm({
  action,
  senderName,
  document,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  senderName: string;
  document: { label: string; number: string } | null;
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
      <form action={formAction}>
        <input type="hidden" name="decision" value="accept" />
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
