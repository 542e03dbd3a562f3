"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

const PLACEHOLDER = `time,celsius,sensor
2026-11-24T06:00:00Z,3.4,TRUCK-7
2026-11-24T06:05:00Z,3.6,TRUCK-7`;

/** A data logger's CSV, as a file or pasted, and one big button. */
export function ReadingsForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form key={state?.values?.csv ?? ""} action={formAction} className="flex flex-col gap-5">
      <FormError state={state} />
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">CSV file from the logger</span>
        <input
          type="file"
          name="file"
          accept=".csv,text/csv,text/plain"
          aria-invalid={state?.field === "file" || undefined}
          className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white p-1.5 text-base file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-stone-200 file:px-4 file:font-semibold aria-invalid:border-red-700"
        />
      </label>
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">Or paste the readings</span>
        <textarea
          name="csv"
          rows={8}
          defaultValue={state?.values?.csv}
          placeholder={PLACEHOLDER}
          spellCheck={false}
          wrap="off"
          aria-invalid={state?.field === "csv" || undefined}
          className="w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white p-3 font-mono text-base focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700"
        />
        <span className="text-sm text-stone-600">
          A header <code>time,celsius</code> (or <code>time,celsius,sensor</code>), then one reading
          per line; times with their zone, e.g. 2026-11-24T06:00:00Z. Up to 10,000 readings.
        </span>
      </label>
      <SubmitButton pendingLabel="Anchoring on the ledger…">
        Record readings on the ledger
      </SubmitButton>
    </form>
  );
}
