"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";
import { TextField } from "../forms/text-field";

const PLACEHOLDER = `time,celsius,sensor
2026-11-24T06:00:00Z,3.4,TRUCK-7
2026-11-24T06:05:00Z,3.6,TRUCK-7`;

/** A data logger's CSV, as a file or pasted, and one big button. */
export function ReadingsForm({
  action,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  return (
    <Form action={action} className="flex flex-col gap-5">
      <TextField
        label="CSV file from the logger"
        name="file"
        type="file"
        accept=".csv,text/csv,text/plain"
        className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white p-1.5 text-base file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-stone-200 file:px-4 file:font-semibold aria-invalid:border-red-700"
      />
      <TextArea
        label="Or paste the readings"
        name="csv"
        rows={8}
        placeholder={PLACEHOLDER}
        spellCheck={false}
        wrap="off"
        className="w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white p-3 font-mono text-base focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700 aria-invalid:ring-2 aria-invalid:ring-red-700"
        hint="A header time,celsius (or time,celsius,sensor), then one reading per line; times with their zone, e.g. 2026-11-24T06:00:00Z. Up to 10,000 readings."
      />
      <SubmitButton pendingLabel="Anchoring on the ledger…">
        Record readings on the ledger
      </SubmitButton>
    </Form>
  );
}
