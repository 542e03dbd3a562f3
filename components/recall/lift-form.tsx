"use client";

import { MAX_REASON_LENGTH, NO_REASON_TO_LIFT } from "@/lib/recall/terms";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";

/**
 * For a regulator or an admin of the recalling organisation: why the recall ends, and one button to
 * end it — or, for a Class I recall, to ask a second person to approve ending it. A second look
 * says what lifting does, with the reason as every holder will read it, before it is recorded.
 */
export function RecallLiftForm({
  action,
  lotCode,
  approver,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lotCode: string;
  /** Who must approve a Class I lift ("another admin of FreshMart or a regulator"); null otherwise. */
  approver: string | null;
}) {
  const verb = approver ? "Ask to lift" : "Lift";
  return (
    <Form
      action={action}
      aria-label="Lift this recall"
      className="flex max-w-2xl flex-col gap-3 rounded-xl border-2 border-red-700 bg-white p-4"
      confirm={{
        title: `${verb} the recall of lot ${lotCode}?`,
        summary: (data) => (
          <p data-testid="lift-summary">
            {approver
              ? `Once ${approver} approves, lot ${lotCode} returns to sale everywhere`
              : `Lot ${lotCode} returns to sale everywhere once the ledger records it`}
            , and every holder reads why: “{String(data.get("reason") ?? "").trim()}”. The lifting
            stays on the ledger.
          </p>
        ),
        confirmLabel: `Yes, ${verb.toLowerCase()} the recall of lot ${lotCode}`,
      }}
    >
      <h2 className="text-lg font-semibold">Lift this recall</h2>
      <TextArea
        label="Reason for lifting"
        name="reason"
        rows={3}
        maxLength={MAX_REASON_LENGTH}
        required
        missingMessage={NO_REASON_TO_LIFT}
        hint={`Lot ${lotCode} returns to sale everywhere once the ledger records it; every holder sees why.${
          approver
            ? ` A Class I recall is lifted only when a second person, ${approver}, approves.`
            : ""
        }`}
      />
      <SubmitButton
        pendingLabel={approver ? "Asking…" : "Lifting the recall on the ledger…"}
        tone="danger"
      >
        {verb} the recall of lot {lotCode}
      </SubmitButton>
    </Form>
  );
}
