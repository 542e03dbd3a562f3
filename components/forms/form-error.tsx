import type { FormState } from "./form-state";

/**
 * A page's one refusal outside any form: a page the member may not use, a link that no longer works,
 * a scan the server refused. A refused <Form> says its own in its error summary instead.
 */
export function FormError({ state }: { state: FormState }) {
  if (!state?.message) return null;
  return (
    <p
      role="alert"
      data-testid="form-error"
      className="rounded-xl border-2 border-red-700 bg-red-50 px-4 py-3 text-base font-medium text-red-900"
    >
      {state.message}
    </p>
  );
}
