/**
 * Under a field: its error (an icon and the sentence, in bold, not only a red border) and its hint.
 * The ids are those `useField` puts in the field's aria-describedby.
 */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  return (
    <>
      {error ? (
        <span
          id={`${id}-error`}
          data-testid="field-error"
          className="flex items-start gap-1.5 text-base font-semibold text-red-800"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="mt-0.5 size-5 shrink-0 fill-current"
          >
            <path d="M10 1.5 19 18H1L10 1.5Zm-1 6v5h2v-5H9Zm0 6.5v2h2v-2H9Z" />
          </svg>
          <span>
            <span className="sr-only">Error: </span>
            {error}
          </span>
        </span>
      ) : null}
      {hint ? (
        <span id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </span>
      ) : null}
    </>
  );
}

/** A field's frame in a <Form>: its label above the control, its error and hint below. */
export function FieldFrame({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      {children}
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

/** The border of a field, thicker and red when it is wrong (with the sentence beside it). */
export const fieldControlClass =
  "min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-4 text-lg focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700 aria-invalid:ring-2 aria-invalid:ring-red-700";
