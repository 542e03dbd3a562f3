import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { type RateLimit, refundAttempt, takeAttempt } from "./counter";

const MINUTE = 60_000;

/**
 * LotLedger's limits. Sign-in counts failures per account and per client address: guessing one
 * account's password, or many accounts' from one place, stops after a few tries, while a shop whose
 * staff share one address signs in all day. The public reads count every request per address.
 */
export const LIMITS = {
  signInAccount: {
    name: "sign-in-account",
    max: 10,
    windowMs: 15 * MINUTE,
    tooMany: "Too many sign-in attempts",
  },
  signInAddress: {
    name: "sign-in-address",
    max: 50,
    windowMs: 15 * MINUTE,
    tooMany: "Too many sign-in attempts",
  },
  invitationAddress: {
    name: "invitation-address",
    max: 20,
    windowMs: 15 * MINUTE,
    tooMany: "Too many attempts to accept an invitation",
  },
  // A reset email per typed address and per client address, counted whether or not the account
  // exists, so the limit itself says nothing about who has one.
  passwordResetAccount: {
    name: "password-reset-account",
    max: 5,
    windowMs: 60 * MINUTE,
    tooMany: "Too many password reset requests",
  },
  passwordResetAddress: {
    name: "password-reset-address",
    max: 20,
    windowMs: 15 * MINUTE,
    tooMany: "Too many password reset requests",
  },
  publicReads: {
    name: "public-reads",
    max: 300,
    windowMs: MINUTE,
    tooMany: "Too many requests from your address",
  },
} satisfies Record<string, RateLimit>;

/** "Too many sign-in attempts: try again in 15 minutes." — whole minutes, rounded up. */
export function tooManyAttemptsSentence(limit: RateLimit, retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
  return `${limit.tooMany}: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

function refusal(limit: RateLimit, retryAfterMs: number): AppError {
  return new AppError("TOO_MANY_REQUESTS", tooManyAttemptsSentence(limit, retryAfterMs), {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });
}

/** Counts one request of `subject`; throws TOO_MANY_REQUESTS with the sentence when over the limit. */
export async function spendAttempt(db: Db, limit: RateLimit, subject: string): Promise<void> {
  const attempt = await takeAttempt(db, limit, subject);
  if (!attempt.isAllowed) throw refusal(limit, attempt.retryAfterMs);
}

/**
 * Runs `attempt` (checking a password, accepting an invitation) only while every (limit, subject)
 * pair is within its limit, and counts it against them only when it fails: the count is taken
 * before the attempt, so attempts made at the same moment cannot slip past the limit together, and
 * given back after a success. Refused, it throws TOO_MANY_REQUESTS with the longest wait.
 */
export async function withFailureLimits<T>(
  db: Db,
  limits: [RateLimit, string][],
  attempt: () => Promise<T>,
): Promise<T> {
  const taken = await Promise.all(
    limits.map(async ([limit, subject]) => ({
      limit,
      subject,
      ...(await takeAttempt(db, limit, subject)),
    })),
  );
  const refused = taken.filter((t) => !t.isAllowed);
  if (refused.length > 0) {
    // Nothing was tried: the limits that allowed it get their attempt back.
    await Promise.all(
      taken.filter((t) => t.isAllowed).map((t) => refundAttempt(db, t.limit, t.subject)),
    );
    const longest = refused.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
    throw refusal(longest.limit, longest.retryAfterMs);
  }
  const result = await attempt();
  await Promise.all(limits.map(([limit, subject]) => refundAttempt(db, limit, subject)));
  return result;
}
