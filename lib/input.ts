import { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

/**
 * Form values or a request body checked against its zod schema: the parsed value, or an AppError
 * whose sentence is the first issue's, pointed at its field (the issue's path joined with dots, as
 * form fields are named: "outputs.1.lotCode"). Every issue travels on the error, for a form that
 * shows them all at once. Schemas give each check its sentence; `fallback` covers one they did not.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  values: unknown,
  fallback = "Check the form: a value is missing or not as expected.",
): z.infer<S> {
  // The fallback stands in for zod's own wording only: a check that names its sentence keeps it.
  const result = schema.safeParse(values, { error: () => fallback });
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const [first] = issues;
  throw new AppError("INVALID_INPUT", first?.message || fallback, {
    field: first?.field || undefined,
    issues,
  });
}

/**
 * A zod schema over one text field, checked by one of LotLedger's parsers (parseGtin, parseQuantity,
 * ...): the parser's sentence becomes the issue, at whatever field the schema is used for. A field
 * left out reads as empty, as a form submits it.
 */
export function parsedBy<T>(parse: (text: string) => T) {
  return z.preprocess(
    (value) => value ?? "",
    z.string().transform((text, context) => {
      try {
        return parse(text);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        context.addIssue({ code: "custom", message: error.message });
        return z.NEVER;
      }
    }),
  );
}

/**
 * Form fields or a JSON body as one nested object: "outputs.1.lotCode" becomes outputs[1].lotCode and
 * a field sent more than once (a group of checkboxes) an array, so a schema sees the same shape from
 * a form, from the API and from a test. Next's own fields ($ACTION_…) are left out.
 */
export function nestFormValues(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  const seen = new Set<string>();
  for (const [key, value] of entries) {
    if (key.startsWith("$")) continue;
    const path = key.split(".");
    let node: Record<string, unknown> = nested;
    path.slice(0, -1).forEach((segment, i) => {
      const isList = /^\d+$/.test(path[i + 1] as string);
      node[segment] ??= isList ? [] : {};
      node = node[segment] as Record<string, unknown>;
    });
    const last = path[path.length - 1] as string;
    node[last] = seen.has(key) ? [node[last], value].flat() : value;
    seen.add(key);
  }
  return nested;
}

/** A choice the form requires (a location, a lot from a list): `message` when none was made. */
export function chosen(message: string) {
  return z.preprocess((value) => value ?? "", z.string().trim().min(1, message));
}
