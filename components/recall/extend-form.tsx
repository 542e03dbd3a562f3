"use client";

import { useActionState } from "react";
import type { SourceLot } from "@/lib/recall";
import { MAX_REASON_LENGTH, type RecallSeverity, SEVERITY_LABELS } from "@/lib/recall/terms";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/**
 * One step from a recall to its source: the lots chosen (all not yet recalled, to begin with) are
 * recalled with the same class and a reason that names the recall they extend, each with a scope,
 * ledger write and notices of its own.
 */
export function RecallExtendForm({
  action,
  lots,
  severity,
  reason,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lots: SourceLot[];
  severity: RecallSeverity;
  reason: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  const codes = lots.map((lot) => lot.lotCode).join(", ");
  return (
    <form action={formAction} aria-label="Extend the recall" className="flex flex-col gap-3">
      <FormError state={state} />
      <fieldset className="flex flex-col gap-1">
        <legend className="font-semibold">Recall these lots too</legend>
        {lots.map((lot) => (
          <label key={lot.id} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="lotIds" value={lot.id} defaultChecked className="size-6" />
            <span className="font-mono">{lot.lotCode}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col gap-1.5">
        <span className="font-semibold">Reason</span>
        <textarea
          name="reason"
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          defaultValue={state?.values?.reason ?? reason}
          className="rounded-xl border-2 border-stone-300 bg-white px-4 py-3 text-lg focus:border-ledger-600 focus:outline-none"
        />
      </label>
      <input type="hidden" name="severity" value={severity} />
      <p className="text-sm">
        A {SEVERITY_LABELS[severity].name} recall of each, linked to this one: it is recorded on the
        ledger and everything made from {lots.length === 1 ? "it" : "them"} is traced and notified.
      </p>
      <SubmitButton pendingLabel="Recording the recalls on the ledger…" tone="alarm">
        Extend the recall to lot{lots.length === 1 ? "" : "s"} {codes}
      </SubmitButton>
    </form>
  );
}
