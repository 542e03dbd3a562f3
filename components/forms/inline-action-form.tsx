"use client";

import { useFormStatus } from "react-dom";
import { Form } from "./form";
import type { FormState } from "./form-state";

/**
 * A consequential one-click action (remove a member, withdraw an invitation) folded behind a
 * summary, so a gloved thumb does not trigger it by accident; works without JavaScript too.
 */
export function InlineActionForm({
  summary,
  explanation,
  buttonLabel,
  pendingLabel,
  action,
}: {
  summary: string;
  explanation: string;
  buttonLabel: string;
  pendingLabel: string;
  action: () => Promise<FormState>;
}) {
  return (
    <details className="group">
      <summary className="flex min-h-11 cursor-pointer items-center text-base font-medium text-red-800 underline">
        {summary}
      </summary>
      <Form action={action} className="mt-2 flex flex-col gap-2">
        <p className="text-stone-700">{explanation}</p>
        <ActionButton label={buttonLabel} pendingLabel={pendingLabel} />
      </Form>
    </details>
  );
}

function ActionButton({ label, pendingLabel }: { label: string; pendingLabel: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="min-h-12 rounded-xl bg-red-800 px-5 text-lg font-semibold text-white disabled:bg-stone-400"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
