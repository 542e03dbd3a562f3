import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_REASON_LENGTH } from "./recall-input";

const liftInput = z.object({
  reason: z
    .string(
      "Give the reason for lifting the recall: every organisation asked to act on it reads it.",
    )
    .trim()
    .min(
      1,
      "Give the reason for lifting the recall: every organisation asked to act on it reads it.",
    )
    .max(
      MAX_REASON_LENGTH,
      `Keep the reason under ${MAX_REASON_LENGTH.toLocaleString("en")} characters: put the full report in a document and name it.`,
    ),
});

export type LiftInput = z.infer<typeof liftInput>;

/** The lift form or request body, or an AppError naming the field and what to enter. */
export function parseLiftInput(values: unknown): LiftInput {
  const input = liftInput.safeParse(values);
  if (input.success) return input.data;
  const issue = input.error.issues[0];
  throw new AppError("INVALID_INPUT", issue?.message ?? "Give the reason for lifting the recall.", {
    field: "reason",
  });
}
