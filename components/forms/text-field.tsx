import type { InputHTMLAttributes } from "react";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  hint?: string;
  isInvalid?: boolean;
};

export function TextField({ label, name, hint, isInvalid, ...input }: TextFieldProps) {
  return (
    <label className="flex flex-col gap-1.5">
      <span className="text-base font-semibold">{label}</span>
      <input
        name={name}
        aria-invalid={isInvalid || undefined}
        className="min-h-12 w-full min-w-0 rounded-xl border-2 border-stone-300 bg-white px-4 text-lg focus:border-ledger-600 focus:outline-none aria-invalid:border-red-700"
        {...input}
      />
      {hint ? <span className="text-sm text-stone-600">{hint}</span> : null}
    </label>
  );
}
