import "server-only";
import { APIError } from "better-auth/api";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  clientAddressOfRequest,
  LIMITS,
  type RateLimit,
  spendAttempt,
  withFailureLimits,
} from "@/lib/rate-limit";
import { getAuth } from "./auth";

/** What the page says after every request, whether or not the address has an account. */
export const RESET_REQUESTED_SENTENCE =
  "If that address belongs to a LotLedger account, we have emailed it a link to choose a new password. The link works for an hour; check your spam folder if it has not arrived in a few minutes.";

/**
 * Asks Better Auth to email a reset link to `email` (it sends nothing for an unknown address, and
 * answers the same). Limited per typed address and per client address; over a limit, AppError
 * TOO_MANY_REQUESTS with "Too many password reset requests: try again in N minutes."
 */
export async function requestPasswordReset(input: { email: string; headers: Headers }) {
  const email = input.email.trim().toLowerCase();
  const db = getDb();
  await spendAttempt(db, LIMITS.passwordResetAddress, clientAddressOfRequest(input.headers));
  await spendAttempt(db, LIMITS.passwordResetAccount, email);
  await getAuth().api.requestPasswordReset({ body: { email }, headers: input.headers });
}

/**
 * Sets the new password of the account the one-time `token` was emailed to, and signs that account
 * out everywhere. Failed tokens count against the client address like failed sign-ins.
 */
export async function resetPassword(input: { token: string; password: string; headers: Headers }) {
  const limits: [RateLimit, string][] = [
    [LIMITS.signInAddress, clientAddressOfRequest(input.headers)],
  ];
  try {
    await withFailureLimits(getDb(), limits, () =>
      getAuth().api.resetPassword({ body: { newPassword: input.password, token: input.token } }),
    );
  } catch (error) {
    if (error instanceof APIError) {
      throw new AppError(
        "INVALID_INPUT",
        "This link has expired or was used already: ask for a new one.",
      );
    }
    throw error;
  }
}
