import { AppError } from "@/lib/errors";

/** A recall the caller may see, or the 404 sentence (also for one they may not see: it stays unnamed). */
export function requireVisibleRecall<T>(recall: T | null): T {
  if (!recall) {
    throw new AppError(
      "NOT_FOUND",
      "There is no such recall for your organisation: open the recalls page to see yours.",
    );
  }
  return recall;
}
