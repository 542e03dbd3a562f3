"use client";

import type { TextareaHTMLAttributes } from "react";
import { FieldFrame, fieldControlClass } from "./field-message";
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
    <FieldFrame id={field.id} label={label} error={field.error} hint={hint}>
      <textarea
        {...field.control}
        name={name}
        defaultValue={field.value}
        data-missing={missingMessage}
        className={`${fieldControlClass} py-3`}
        {...area}
      />
    </FieldFrame>
  );
}
