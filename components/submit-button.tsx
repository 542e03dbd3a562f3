"use client";

import { useFormStatus } from "react-dom";

/** The one big button of a form: thumb-sized, and it says what is happening while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
}: {
  children: React.ReactNode;
  pendingLabel: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="min-h-14 w-full rounded-xl bg-ledger-700 px-6 text-lg font-semibold text-white hover:bg-ledger-900 disabled:bg-stone-400"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
