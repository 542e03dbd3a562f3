"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

/** What a <Form> asks before an action that others rely on is recorded (lifting a recall). */
export type Confirmation = {
  /** "Lift the recall of lot H-1?" */
  title: string;
  /** What recording will do, from what was typed. */
  summary: (data: FormData) => ReactNode;
  /** The button that records: says exactly what it does. */
  confirmLabel: string;
};

/**
 * The second look: a summary of what is about to be recorded, with the button that records it and
 * one that goes back to the form. It takes the focus, so a screen reader reads the summary first.
 */
export function ConfirmStep({
  confirmation,
  data,
  onBack,
}: {
  confirmation: Confirmation;
  data: FormData;
  onBack: () => void;
}) {
  const headingId = useId();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="confirm-step"
      className="flex flex-col gap-3 rounded-xl border-4 border-red-700 bg-white p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-red-700/40"
    >
      <h2 id={headingId} className="text-lg font-black text-red-900">
        <span aria-hidden="true">⚠ </span>
        {confirmation.title}
      </h2>
      <div className="text-base">{confirmation.summary(data)}</div>
      <button
        type="submit"
        data-confirms
        className="min-h-14 w-full rounded-xl bg-red-700 px-6 text-lg font-black text-white hover:bg-red-800"
      >
        {confirmation.confirmLabel}
      </button>
      <button
        type="button"
        onClick={onBack}
        className="min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-6 text-lg font-semibold text-stone-800"
      >
        Go back and change it
      </button>
    </section>
  );
}
