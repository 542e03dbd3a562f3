"use client";

import { type Ref, useId } from "react";
import { fieldId } from "./form-state";

/**
 * At the top of a refused form: everything to fix at once, each a link that moves the focus to its
 * field. It takes the focus itself after a refusal, so a screen reader reads it and the next Tab is
 * the first link. The `form-error` test id holds the sentences only (what older specs compare).
 */
export function ErrorSummary({
  ref,
  message,
  errors,
}: {
  ref: Ref<HTMLElement>;
  message?: string;
  errors: Record<string, string>;
}) {
  const headingId = useId();
  const fields = Object.entries(errors);
  if (!message && fields.length === 0) return null;
  const isMessageListed = fields.some(([, text]) => text === message);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      data-testid="error-summary"
      className="flex flex-col gap-2 rounded-xl border-2 border-red-700 bg-red-50 px-4 py-3 text-red-900 focus:outline-none focus-visible:ring-4 focus-visible:ring-red-700/40"
    >
      <h2 id={headingId} className="flex items-center gap-2 text-lg font-bold">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-current">
          <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
        </svg>
        {fields.length > 1
          ? `Nothing was recorded: ${fields.length} things to fix`
          : "Nothing was recorded"}
      </h2>
      {message && !isMessageListed ? (
        <p data-testid={fields.length === 0 ? "form-error" : undefined} className="font-medium">
          {message}
        </p>
      ) : null}
      {fields.length > 0 ? (
        <ul data-testid="form-error" className="flex flex-col gap-1">
          {fields.map(([name, text]) => (
            <li key={name}>
              <a
                href={`#${fieldId(name)}`}
                onClick={(event) => focusField(event, name)}
                className="block py-1.5 font-semibold underline"
              >
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A fragment link scrolls but leaves the focus where it was: put it in the field, label in view. */
function focusField(event: React.MouseEvent, name: string) {
  const target = document.getElementById(fieldId(name));
  // A group of checkboxes is linked by its fieldset: the focus goes to its first box.
  const control = target?.matches("input, select, textarea")
    ? target
    : target?.querySelector<HTMLElement>("input, select, textarea");
  if (!target || !control) return;
  event.preventDefault();
  control.focus({ preventScroll: true });
  (target.closest("div, fieldset") ?? target).scrollIntoView({ block: "start" });
}
