"use client";

import type { SelectHTMLAttributes } from "react";
import type { Option } from "@/lib/events/forms/field-spec";
import { FieldMessage, fieldControlClass } from "./field-message";
import { useField } from "./form-context";

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "defaultValue"> & {
  label: string;
  name: string;
  options: readonly Option[];
  hint?: string;
  defaultValue?: string;
  /** The sentence when nothing is chosen (`required` with a "Choose…" option of value ""). */
  missingMessage?: string;
};

/** A labelled choice of a <Form>, its error beside it like every field's. */
export function SelectField({
  label,
  name,
  options,
  hint,
  defaultValue,
  missingMessage,
  ...select
}: SelectFieldProps) {
  const field = useField(name, defaultValue, Boolean(hint));
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={field.id} className="text-base font-semibold">
        {label}
      </label>
      <select
        id={field.id}
        name={name}
        defaultValue={field.value || defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        data-missing={missingMessage}
        className={`${fieldControlClass} px-3`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessage id={field.id} error={field.error} hint={hint} />
    </div>
  );
}
