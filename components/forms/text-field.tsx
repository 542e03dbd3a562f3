"use client";

import type { InputHTMLAttributes } from "react";
import { FieldFrame, fieldControlClass } from "./field-message";
import { useField } from "./form-context";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue"> & {
  label: string;
  name: string;
  hint?: string;
  defaultValue?: string;
  /** The sentence when the field is left empty (`required`): the server's own, so both say the same. */
  missingMessage?: string;
  /** The sentence when the value breaks another of the browser's checks (minLength, type, pattern). */
  invalidMessage?: string;
};

/** A labelled input of a <Form>: its error beside it, tied by aria-describedby and aria-invalid. */
export function TextField({
  label,
  name,
  hint,
  defaultValue,
  missingMessage,
  invalidMessage,
  ...input
}: TextFieldProps) {
  const field = useField(name, defaultValue, Boolean(hint));
  const isFile = input.type === "file";
  return (
    <FieldFrame id={field.id} label={label} error={field.error} hint={hint}>
      <input
        {...field.control}
        name={name}
        defaultValue={isFile ? undefined : field.value}
        data-missing={missingMessage}
        data-invalid={invalidMessage}
        className={fieldControlClass}
        {...input}
      />
    </FieldFrame>
  );
}
