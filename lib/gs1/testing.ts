import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/** The message of the AppError("INVALID_INPUT") that `run` throws; fails the test otherwise. */
export function rejectionOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_INPUT");
    return (error as AppError).message;
  }
  throw new Error("Expected an AppError(INVALID_INPUT), but nothing was thrown.");
}
