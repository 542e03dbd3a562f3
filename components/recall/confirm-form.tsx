"use client";

import { useActionState } from "react";
import type { RecallInput } from "@/lib/recall/terms";
import { FormError } from "../forms/form-error";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";

/** The last step: the scope has been shown above; confirming records the recall on the ledger. */
export function RecallConfirmForm({
  action,
  input,
  lotCode,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  input: RecallInput;
  lotCode: string;
}) {
  const [state, formAction] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-3">
      <FormError state={state} />
      <input type="hidden" name="reason" value={input.reason} />
      <input type="hidden" name="severity" value={input.severity} />
      <SubmitButton pendingLabel="Recording the recall on the ledger…">
        Confirm the recall of lot {lotCode}
      </SubmitButton>
    </form>
  );
}
