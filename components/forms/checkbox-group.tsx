"use client";

import type { Option } from "@/lib/events/forms/field-spec";
import { FieldMessage } from "./field-message";
import { useField } from "./form-context";

/** A labelled group of checkboxes of a <Form> (lots to use); its error beside the legend. */
export function CheckboxGroup({
  label,
  name,
  options,
  defaultValues,
  empty,
}: {
  label: string;
  name: string;
  options: readonly Option[];
  defaultValues: readonly string[];
  /** Said when there is nothing to choose from. */
  empty: string;
}) {
  const field = useField(name, defaultValues.join(","));
  const checked = field.value ? field.value.split(",") : [];
  return (
    <fieldset
      id={field.id}
      aria-invalid={field.error ? true : undefined}
      aria-describedby={field.describedBy}
      className="flex flex-col gap-2 rounded-xl border-2 border-stone-300 p-3 aria-invalid:border-red-700 aria-invalid:ring-2 aria-invalid:ring-red-700"
    >
      <legend className="px-1 text-base font-semibold">{label}</legend>
      <FieldMessage id={field.id} error={field.error} />
      {options.length === 0 ? <p className="text-stone-600">{empty}</p> : null}
      {options.map((option) => (
        <label key={option.value} className="flex min-h-12 items-center gap-3 text-base">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            defaultChecked={checked.includes(option.value)}
            className="size-6"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
