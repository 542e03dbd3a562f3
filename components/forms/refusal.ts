import { toFailure } from "@/lib/errors";
import { type FormState, fieldErrorsOf, typedValues } from "./form-state";

/**
 * A server action's refusal as its form shows it: the sentence, every issue at its field and what
 * was typed. Unexpected errors are logged by toFailure and come back as a sentence with an id.
 */
export function refusal(error: unknown, context: string, formData?: FormData): FormState {
  const failure = toFailure(error, context);
  return {
    message: failure.message,
    field: failure.field,
    fieldErrors: fieldErrorsOf(failure),
    values: formData ? typedValues(formData) : undefined,
  };
}
