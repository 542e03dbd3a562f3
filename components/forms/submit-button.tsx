"use client";

import { useFormStatus } from "react-dom";

const TONES = {
  primary: "bg-ledger-700 text-white hover:bg-ledger-900",
  /** Outlined in red: a step that undoes something others rely on (lifting a recall). */
  danger: "border-2 border-red-700 bg-white text-red-800 hover:bg-red-50",
  /** Solid red: a step with grave consequences for others (confirming a recall). */
  alarm: "bg-red-700 font-black text-white hover:bg-red-800",
};

/** The one big button of a form: thumb-sized, and it says what is happening while the action runs. */
export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
}: {
  children: React.ReactNode;
  pendingLabel: string;
  tone?: keyof typeof TONES;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className={`min-h-14 w-full rounded-xl px-6 text-lg font-semibold disabled:bg-stone-400 ${TONES[tone]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
