"use client";

import { createContext, useContext } from "react";
import { errorAt, fieldId } from "./form-state";

export type FormFields = {
  /** Form field name → the sentence saying what to fix, from the browser's checks or the server's. */
  errors: Record<string, string>;
  /** What was typed before a refusal, to fill the fields in again. */
  values?: Record<string, string>;
};

export const FormFieldsContext = createContext<FormFields>({ errors: {} });

/**
 * What a field of a <Form> needs: its id (the summary links to it), its error and the ids that
 * describe it, and the value to show (what was typed before a refusal, else `defaultValue`).
 */
export function useField(name: string, defaultValue?: string, hasHint = false) {
  const { errors, values } = useContext(FormFieldsContext);
  const id = fieldId(name);
  const error = errorAt(errors, name);
  const describedBy = [error ? `${id}-error` : "", hasHint ? `${id}-hint` : ""].filter(Boolean);
  const describedByIds = describedBy.length > 0 ? describedBy.join(" ") : undefined;
  return {
    id,
    error,
    value: values ? (values[name] ?? "") : defaultValue,
    describedBy: describedByIds,
    /** What the control itself carries: its id and how it is wrong, for assistive technology. */
    control: {
      id,
      "aria-invalid": error ? (true as const) : undefined,
      "aria-describedby": describedByIds,
    },
  };
}
