import type { FieldIssue } from "@/lib/errors";

/**
 * What a form's server action hands back to the page: the sentence to show, every field found wrong
 * (form field name → its sentence), the values to fill in again, and what was recorded.
 */
export type FormState =
  | {
      message?: string;
      field?: string;
      fieldErrors?: Record<string, string>;
      values?: Record<string, string>;
      /** Said in the form's status region after the action went through ("Recorded ✓ …"). */
      recorded?: string;
    }
  | undefined;

/**
 * A refusal's issues by field name: each field's first sentence (a field wrong twice shows what to
 * fix first). A refusal about one field without issues (a lot code already used) is that field's
 * sentence; one about no field leaves the map empty and is said in the summary only.
 */
export function fieldErrorsOf(failure: {
  message: string;
  field?: string;
  issues?: FieldIssue[];
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of failure.issues ?? []) {
    if (field && !(field in errors)) errors[field] = message;
  }
  if (failure.field && !(failure.field in errors)) errors[failure.field] = failure.message;
  return errors;
}

/**
 * The error of a field, also when the issue is about one of its items: a group of checkboxes named
 * "inputLotIds" shows an issue at "inputLotIds.2".
 */
export function errorAt(errors: Record<string, string>, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const item = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.\\d+$`);
  return Object.entries(errors).find(([field]) => item.test(field))?.[1];
}

/**
 * The errors in the order of the form's fields (`names`, as the form lists its elements), so the
 * summary reads top to bottom like the form; the server checks in its schema's order. An error for
 * no field of the form comes last.
 */
export function inFormOrder(
  errors: Record<string, string>,
  names: readonly string[],
): Record<string, string> {
  const position = (field: string) => {
    const index = names.findIndex((name) => name === field || errorAt({ [field]: "x" }, name));
    return index === -1 ? names.length : index;
  };
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => position(a) - position(b)));
}

/** What was typed, to fill the form in again: a field sent several times joined with commas; files and secrets left out. */
export function typedValues(
  formData: FormData,
  secret: readonly string[] = ["password", "newPassword", "currentPassword"],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$") || secret.includes(key)) continue;
    const texts = formData.getAll(key).filter((value) => typeof value === "string");
    if (texts.length > 0) values[key] = texts.join(",");
  }
  return values;
}

/** The element id of a form field, so the error summary can link to it. */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^\w-]/g, "-")}`;
}
