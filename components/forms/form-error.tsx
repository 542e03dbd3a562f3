import type { FormState } from "./form-state";

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
