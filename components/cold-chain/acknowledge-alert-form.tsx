"use client";

import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";

/** Closes one excursion alert with what was done about it; folded so the list stays short. */
export function AcknowledgeAlertForm({
  action,
  lotCode,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lotCode: string;
}) {
  return (
    <details className="mt-1">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold text-red-900 underline">
        Acknowledge
      </summary>
      <Form
        action={action}
        aria-label={`Acknowledge the alert on lot ${lotCode}`}
        className="flex flex-col gap-2"
      >
        <TextArea
          label="What did you do about it?"
          name="comment"
          rows={2}
          maxLength={2000}
          required
          missingMessage="Write what you did about the excursion (checked the goods, moved them, told the carrier), then acknowledge it."
        />
        <SubmitButton pendingLabel="Acknowledging…">Acknowledge the alert</SubmitButton>
      </Form>
    </details>
  );
}
