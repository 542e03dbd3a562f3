import { MAX_REASON_LENGTH, RECALL_SEVERITIES, SEVERITY_LABELS } from "@/lib/recall/terms";
import { Form } from "../forms/form";
import { TextArea } from "../forms/text-area";

/**
 * Step one of a recall: why, and how serious. It only leads to the scope review (a GET to the same
 * page): nothing is recorded before the scope has been seen and confirmed.
 */
export function RecallReasonForm({
  action,
  values,
  problem,
}: {
  action: string;
  values: { reason?: string; severity?: string };
  problem?: { message: string; field?: string };
}) {
  return (
    <Form
      action={action}
      method="get"
      state={
        problem && {
          ...problem,
          fieldErrors: problem.field ? { [problem.field]: problem.message } : {},
        }
      }
      className="flex max-w-2xl flex-col gap-4"
    >
      <TextArea
        label="Reason"
        name="reason"
        rows={4}
        maxLength={MAX_REASON_LENGTH}
        defaultValue={values.reason}
        required
        missingMessage="Give the reason for the recall: every organisation holding the stock reads it."
        hint="What was found, and where: every holder of the stock reads it."
      />
      <fieldset
        id="field-severity"
        className="flex flex-col gap-2"
        aria-invalid={problem?.field === "severity" || undefined}
      >
        <legend className="mb-1 text-base font-semibold">Recall class</legend>
        {RECALL_SEVERITIES.map((severity) => (
          <label
            key={severity}
            className="flex min-h-11 items-center gap-3 rounded-xl border-2 border-stone-200 bg-white px-3"
          >
            <input
              type="radio"
              name="severity"
              value={severity}
              defaultChecked={values.severity === severity}
              required
              data-missing="Choose the recall class: I, II or III."
              className="size-5"
            />
            <span>
              <span className="font-semibold">{SEVERITY_LABELS[severity].name}</span> —{" "}
              {SEVERITY_LABELS[severity].meaning}
            </span>
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        className="min-h-14 rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900"
      >
        Review the scope
      </button>
    </Form>
  );
}
