"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/** The second person's step on a Class I lift asked for by another: approving writes it. */
export function RecallLiftApproval({
  action,
  lotCode,
}: {
  action: (state: FormState) => Promise<FormState>;
  lotCode: string;
}) {
  return (
    <Form
      action={action}
      aria-label="Approve lifting this recall"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border-2 border-red-700 bg-white p-4"
    >
      <p>
        Approving records the lift on the ledger: lot {lotCode} returns to sale everywhere, and
        every organisation asked to act on the recall is told why.
      </p>
      <SubmitButton pendingLabel="Lifting the recall on the ledger…" tone="danger">
        Approve lifting the recall of lot {lotCode}
      </SubmitButton>
    </Form>
  );
}
