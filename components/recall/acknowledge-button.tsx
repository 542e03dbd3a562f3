"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/** "We have it": the member's organisation acknowledges the recall. */
export function RecallAcknowledgeButton({
  action,
  lotCode,
}: {
  action: (state: FormState) => Promise<FormState>;
  lotCode: string;
}) {
  return (
    <Form action={action} className="flex flex-col gap-2">
      <SubmitButton pendingLabel="Recording…">Acknowledge the recall of lot {lotCode}</SubmitButton>
    </Form>
  );
}
