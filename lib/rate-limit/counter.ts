import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";

/** A limit: at most `max` attempts per subject in a window of `windowMs`, and what a refusal says. */
export type RateLimit = {
  /** Names the counter's keys, e.g. "sign-in-account". */
  name: string;
  max: number;
  windowMs: number;
  /** The refusal's first words: "Too many sign-in attempts" (": try again in N minutes." follows). */
  tooMany: string;
};

export type Attempt = { isAllowed: boolean; retryAfterMs: number };

/**
 * Counters live in PostgreSQL so that every app instance counts the same attempts. A subject (an
 * e-mail address, a client address) is hashed into the key: the table never holds who tried.
 */
const keyOf = (limit: RateLimit, subject: string) =>
  `${limit.name}:${createHash("sha256").update(subject).digest("base64url")}`;

// Times are UTC in SQL, as Prisma keeps them, whatever the database session's time zone.
const NOW = "(now() AT TIME ZONE 'UTC')";

/**
 * Counts one attempt of `subject` against `limit`, atomically (two instances at once never both get
 * the last allowed attempt), and says whether it is within the limit and, when not, for how long.
 */
export async function takeAttempt(db: Db, limit: RateLimit, subject: string): Promise<Attempt> {
  const key = keyOf(limit, subject);
  const known = blockedUntil.get(key);
  if (known !== undefined && known > Date.now()) {
    return { isAllowed: false, retryAfterMs: known - Date.now() };
  }
  await sweepEndedWindows(db);
  const [row] = await db.$queryRawUnsafe<{ count: number; retryAfterMs: number }[]>(
    `INSERT INTO "RateLimitCounter" ("key", "count", "resetAt", "updatedAt")
     VALUES ($1, 1, ${NOW} + $2 * interval '1 millisecond', ${NOW})
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "RateLimitCounter"."resetAt" <= ${NOW} THEN 1
                      ELSE "RateLimitCounter"."count" + 1 END,
       "resetAt" = CASE WHEN "RateLimitCounter"."resetAt" <= ${NOW} THEN EXCLUDED."resetAt"
                        ELSE "RateLimitCounter"."resetAt" END,
       "updatedAt" = ${NOW}
     RETURNING "count",
       GREATEST(0, EXTRACT(EPOCH FROM ("resetAt" - ${NOW})) * 1000)::float8 AS "retryAfterMs"`,
    key,
    limit.windowMs,
  );
  const { count, retryAfterMs } = row as { count: number; retryAfterMs: number };
  if (count <= limit.max) return { isAllowed: true, retryAfterMs: 0 };
  remember(key, Date.now() + retryAfterMs);
  return { isAllowed: false, retryAfterMs };
}

/** Gives back one attempt in the current window: for the limits that count failures only. */
export async function refundAttempt(db: Db, limit: RateLimit, subject: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "RateLimitCounter" SET "count" = GREATEST("count" - 1, 0), "updatedAt" = ${NOW}
     WHERE "key" = $1 AND "resetAt" > ${NOW}`,
    keyOf(limit, subject),
  );
}

// A subject found over its limit is refused from memory until its window ends: a flood of requests
// costs the database one write per window, not one per request. Bounded, as a flood can vary subjects.
const blockedUntil = new Map<string, number>();
const MAX_REMEMBERED = 10_000;

function remember(key: string, until: number): void {
  if (blockedUntil.size >= MAX_REMEMBERED) {
    for (const [known, end] of blockedUntil) if (end <= Date.now()) blockedUntil.delete(known);
    if (blockedUntil.size >= MAX_REMEMBERED) blockedUntil.clear();
  }
  blockedUntil.set(key, until);
}

/** Forgets what this process remembers (tests that stand for a second app instance). */
export function forgetBlockedSubjects(): void {
  blockedUntil.clear();
}

const SWEEP_EVERY_MS = 10 * 60_000;
let lastSweep = 0;

/** Deletes the counters whose window has ended, at most every ten minutes per process. */
async function sweepEndedWindows(db: Db): Promise<void> {
  if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = Date.now();
  await db.$executeRawUnsafe(`DELETE FROM "RateLimitCounter" WHERE "resetAt" <= ${NOW}`);
}
