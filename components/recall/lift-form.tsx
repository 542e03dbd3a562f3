"use client";

import { useActionState } from "react";
import { MAX_REASON_LENGTH } from "@/lib/recall/terms";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/**
 * For a regulator or an admin of the recalling organisation: why the recall ends, and one button to
 * end it — or, for a Class I recall, to ask a second person to approve ending it.
 */
export function RecallLiftForm({
  action,
  lotCode,
  approver,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lotCode: string;
  /** Who must approve a Class I lift ("another admin of FreshMart or a regulator"); null otherwise. */
  approver: string | null;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form
      action={formAction}
      aria-label="Lift this recall"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border-2 border-red-700 bg-white p-4"
    >
      <h2 className="text-lg font-semibold">Lift this recall</h2>
      <FormError state={state} />
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">Reason for lifting</span>
        <textarea
          name="reason"
          rows={3}
          maxLength={MAX_REASON_LENGTH}
          defaultValue={state?.values?.reason}
          aria-invalid={state?.field === "reason" || undefined}
          className="rounded-xl border-2 border-stone-300 bg-white px-4 py-3 text-lg focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700"
        />
        <span className="text-sm text-stone-600">
          Lot {lotCode} returns to sale everywhere once the ledger records it; every holder sees
          why.
          {approver
            ? ` A Class I recall is lifted only when a second person, ${approver}, approves.`
            : ""}
        </span>
      </label>
      <SubmitButton
        pendingLabel={approver ? "Asking…" : "Lifting the recall on the ledger…"}
        tone="danger"
      >
        {approver ? "Ask to lift" : "Lift"} the recall of lot {lotCode}
      </SubmitButton>
    </form>
  );
}
