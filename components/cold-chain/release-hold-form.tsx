"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";

/**
 * For an admin of the held lot's custodian (the quality manager): release it, saying what was
 * checked. The reason is kept with the release on the ledger, for every party to read.
 */
export function ReleaseHoldForm({
  action,
  lotCode,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lotCode: string;
}) {
  return (
    <Form action={action} aria-label="Release the hold" className="flex flex-col gap-3">
      <TextArea
        label="Why are the goods fit to release?"
        name="reason"
        hint="What you checked (core temperature, look, smell), by whom. Every party of the lot reads it."
        rows={3}
        maxLength={2000}
        required
        missingMessage="Write why the goods are fit to release (what was checked, by whom), then release the hold."
      />
      <SubmitButton pendingLabel="Releasing the hold…" tone="danger">
        Release lot {lotCode} from hold
      </SubmitButton>
    </Form>
  );
}
