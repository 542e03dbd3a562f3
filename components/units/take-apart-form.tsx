"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/**
 * For the holder of every lot on the pallet: take it apart (LotTracker.unpackUnit). Folded away so a
 * stray tap cannot unwrap a pallet; its lots then move on their own.
 */
export function TakeApartForm({
  action,
  summary,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** "3 lots, 48 cases" */
  summary: string;
}) {
  return (
    <details className="rounded-xl border-2 border-stone-300 bg-white p-3">
      <summary className="min-h-11 cursor-pointer py-2 text-lg font-semibold">
        Take the pallet apart
      </summary>
      <Form action={action} aria-label="Take the pallet apart" className="mt-3 flex flex-col gap-3">
        <p className="text-base">
          Its {summary} become loose lots you hold; the SSCC is never used again.
        </p>
        <SubmitButton pendingLabel="Taking the pallet apart…">Yes, take it apart</SubmitButton>
      </Form>
    </details>
  );
}
