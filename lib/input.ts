import type { z } from "zod";
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
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    message: issue.code === "custom" || issue.message ? issue.message : fallback,
  }));
  const [first] = issues;
  throw new AppError("INVALID_INPUT", first?.message || fallback, {
    field: first?.field || undefined,
    issues,
  });
}
