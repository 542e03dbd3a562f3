import { z } from "zod";
import { AppError } from "@/lib/errors";

export const RECALL_SEVERITIES = ["CLASS_I", "CLASS_II", "CLASS_III"] as const;
export type RecallSeverity = (typeof RECALL_SEVERITIES)[number];

/** The FDA's recall classes, as the form and the notices name them. */
export const SEVERITY_LABELS: Record<RecallSeverity, { name: string; meaning: string }> = {
  CLASS_I: { name: "Class I", meaning: "may cause serious harm or death" },
  CLASS_II: { name: "Class II", meaning: "may cause temporary or reversible harm" },
  CLASS_III: { name: "Class III", meaning: "unlikely to cause harm" },
};

/** Long enough for what happened and what to do; the full report is a linked document. */
export const MAX_REASON_LENGTH = 1_000;

const recallInput = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Give the reason for the recall: every organisation holding the stock reads it.")
    .max(
      MAX_REASON_LENGTH,
      `Keep the reason under ${MAX_REASON_LENGTH.toLocaleString("en")} characters: put the full report in a document and name it.`,
    ),
  severity: z.enum(RECALL_SEVERITIES, "Choose the recall class: I, II or III."),
});

export type RecallInput = z.infer<typeof recallInput>;

/** The recall form or request body, or an AppError naming the field and what to enter. */
export function parseRecallInput(values: unknown): RecallInput {
  const input = recallInput.safeParse(values);
  if (input.success) return input.data;
  const issue = input.error.issues[0];
  throw new AppError("INVALID_INPUT", issue?.message ?? "Give a reason and a recall class.", {
    field: String(issue?.path[0] ?? "reason"),
  });
}
