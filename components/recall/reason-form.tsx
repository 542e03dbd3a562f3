import { MAX_REASON_LENGTH, RECALL_SEVERITIES, SEVERITY_LABELS } from "@/lib/recall/terms";
import { FormError } from "../forms/form-error";

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
    <form action={action} method="get" className="flex max-w-2xl flex-col gap-4">
      <FormError state={problem} />
      <label className="flex flex-col gap-1.5">
        <span className="text-base font-semibold">Reason</span>
        <textarea
          name="reason"
          rows={4}
          maxLength={MAX_REASON_LENGTH}
          defaultValue={values.reason}
          aria-invalid={problem?.field === "reason" || undefined}
          className="rounded-xl border-2 border-stone-300 bg-white px-4 py-3 text-lg focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700"
        />
        <span className="text-sm text-stone-600">
          What was found, and where: every holder of the stock reads it.
        </span>
      </label>
      <fieldset
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
    </form>
  );
}
