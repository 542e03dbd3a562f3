"use client";

import type { TextareaHTMLAttributes } from "react";
import { FieldMessage, fieldControlClass } from "./field-message";
import { useField } from "./form-context";

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "defaultValue"> & {
  label: string;
  name: string;
  hint?: string;
  defaultValue?: string;
  /** The sentence when the field is left empty or blank (`required`): the server's own. */
  missingMessage?: string;
};

/** A labelled text of several lines (a reason) of a <Form>, its error beside it. */
export function TextArea({
  label,
  name,
  hint,
  defaultValue,
  missingMessage,
  ...area
}: TextAreaProps) {
  const field = useField(name, defaultValue, Boolean(hint));
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={field.id} className="text-base font-semibold">
        {label}
      </label>
      <textarea
        id={field.id}
        name={name}
        defaultValue={field.value}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.describedBy}
        data-missing={missingMessage}
        className={`${fieldControlClass} py-3`}
        {...area}
      />
      <FieldMessage id={field.id} error={field.error} hint={hint} />
    </div>
  );
}
