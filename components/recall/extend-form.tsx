"use client";

import type { SourceLot } from "@/lib/recall";
import { MAX_REASON_LENGTH, type RecallSeverity, SEVERITY_LABELS } from "@/lib/recall/terms";
import { CheckboxGroup } from "../forms/checkbox-group";
import { Form } from "../forms/form";
import type { FormState } from "../forms/form-state";
import { SubmitButton } from "../forms/submit-button";
import { TextArea } from "../forms/text-area";

/**
 * One step from a recall to its source: the lots chosen (all not yet recalled, to begin with) are
 * recalled with the same class and a reason that names the recall they extend, each with a scope,
 * ledger write and notices of its own.
 */
export function RecallExtendForm({
  action,
  lots,
  severity,
  reason,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  lots: SourceLot[];
  severity: RecallSeverity;
  reason: string;
}) {
  const codes = lots.map((lot) => lot.lotCode).join(", ");
  const className = SEVERITY_LABELS[severity].name;
  return (
    <Form
      action={action}
      aria-label="Extend the recall"
      className="flex flex-col gap-3"
      confirm={{
        title: "Recall these lots too? This cannot be undone, only lifted",
        summary: (data) => {
          const chosen = lots.filter((lot) => data.getAll("lotIds").includes(lot.id));
          return (
            <p data-testid="extend-summary">
              A {className} recall of lot{chosen.length === 1 ? "" : "s"}{" "}
              {chosen.map((lot) => lot.lotCode).join(", ")}, each recorded on the ledger with
              everything made from it traced and its holders notified, for this reason: “
              {String(data.get("reason") ?? "").trim()}”.
            </p>
          );
        },
        confirmLabel: "Yes, record these recalls",
      }}
    >
      <CheckboxGroup
        label="Recall these lots too"
        name="lotIds"
        options={lots.map((lot) => ({ value: lot.id, label: lot.lotCode }))}
        defaultValues={lots.map((lot) => lot.id)}
        empty="No lot is left to recall."
      />
      <TextArea
        label="Reason"
        name="reason"
        rows={3}
        maxLength={MAX_REASON_LENGTH}
        defaultValue={reason}
        required
      />
      <input type="hidden" name="severity" value={severity} />
      <p className="text-sm">
        A {className} recall of each, linked to this one: it is recorded on the ledger and
        everything made from {lots.length === 1 ? "it" : "them"} is traced and notified.
      </p>
      <SubmitButton pendingLabel="Recording the recalls on the ledger…" tone="alarm">
        Extend the recall to lot{lots.length === 1 ? "" : "s"} {codes}
      </SubmitButton>
    </Form>
  );
}
