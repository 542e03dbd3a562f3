"use client";

import { useActionState } from "react";
import { FormError } from "../forms/form-error";
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
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormError state={state} />
      <SubmitButton pendingLabel="Recording…">Acknowledge the recall of lot {lotCode}</SubmitButton>
    </form>
  );
}
