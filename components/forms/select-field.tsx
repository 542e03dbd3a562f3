"use client";

import type { SelectHTMLAttributes } from "react";
import type { Option } from "@/lib/events/forms/field-spec";
import { FieldFrame, fieldControlClass } from "./field-message";
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
    <FieldFrame id={field.id} label={label} error={field.error} hint={hint}>
      <select
        {...field.control}
        name={name}
        defaultValue={field.value || defaultValue}
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
    </FieldFrame>
  );
}
