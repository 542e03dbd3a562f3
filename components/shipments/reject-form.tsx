"use client";

import { REJECTION_REASON } from "@/lib/events/receiving-terms";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { TextField } from "../forms/text-field";

/** Folded away under an accept button: refusing is the exception, and it needs a reason. */
export function RejectForm({
  action,
  sscc,
  label,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** The pallet refused; none = the whole shipment. */
  sscc?: string;
  label: string;
}) {
  return (
    <details className="rounded-xl border-2 border-stone-300 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold text-red-800">
        {label}
      </summary>
      <Form action={action} aria-label={label} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="decision" value="reject" />
        {sscc ? <input type="hidden" name="sscc" value={sscc} /> : null}
        <TextField
          label="Why is it refused?"
          name="reason"
          autoComplete="off"
          required
          missingMessage={REJECTION_REASON}
        />
        <button
          type="submit"
          className="min-h-12 rounded-xl border-2 border-red-800 px-4 text-lg font-semibold text-red-800"
        >
          {label}
        </button>
      </Form>
    </details>
  );
}
