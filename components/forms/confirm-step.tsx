"use client";

import { type ReactNode, useEffect, useId, useRef } from "react";

/**
 * What a <Form> asks before an action that others rely on is recorded: a grave one (lifting a
 * recall) in red, or a read-back of what goes on the ledger (a shipment) in the form's own colour.
 */
export type Confirmation = {
  /** "Lift the recall of lot H-1?" */
  title: string;
  /** What recording will do, from what was typed. */
  summary: (data: FormData) => ReactNode;
  /** The button that records: says exactly what it does. */
  confirmLabel: string;
  /** The way back to the fields; "Go back and change it" unless given. */
  backLabel?: string;
  /** "alarm" (default) for what others must act on; "check" for a read-back of ordinary paperwork. */
  tone?: "alarm" | "check";
  /** Folds the fields away while the summary is shown, so on a phone it and its buttons are in view. */
  hidesFields?: boolean;
};

const TONES = {
  alarm: {
    panel: "border-4 border-red-700 focus-visible:ring-red-700/40",
    heading: "font-black text-red-900",
    button: "bg-red-700 font-black hover:bg-red-800",
  },
  check: {
    panel: "border-2 border-ledger-600 focus-visible:ring-ledger-600/40",
    heading: "font-semibold",
    button: "bg-ledger-700 font-semibold hover:bg-ledger-900",
  },
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
  const tone = confirmation.tone ?? "alarm";
  const style = TONES[tone];
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="confirm-step"
      className={`flex flex-col gap-3 rounded-xl bg-white p-4 focus:outline-none focus-visible:ring-4 ${style.panel}`}
    >
      <h2 id={headingId} className={`text-lg ${style.heading}`}>
        {tone === "alarm" ? <span aria-hidden="true">⚠ </span> : null}
        {confirmation.title}
      </h2>
      <div className="text-base">{confirmation.summary(data)}</div>
      <button
        type="submit"
        data-confirms
        className={`min-h-14 w-full rounded-xl px-6 text-lg text-white ${style.button}`}
      >
        {confirmation.confirmLabel}
      </button>
      <button
        type="button"
        onClick={onBack}
        className="min-h-12 w-full rounded-xl border-2 border-stone-400 bg-white px-6 text-lg font-semibold text-stone-800"
      >
        {confirmation.backLabel ?? "Go back and change it"}
      </button>
    </section>
  );
}
