import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { forgetBlockedSubjects, type RateLimit } from "./counter";
import { LIMITS, spendAttempt, tooManyAttemptsSentence, withFailureLimits } from "./limits";

// Two Prisma clients on one database stand for two app instances; forgetting what this process
// remembers before each turn makes every answer come from PostgreSQL.
let database: TestDatabase;
let instances: [Db, Db];
let n = 0;
const limit = (max: number, windowMs = 60_000): RateLimit => ({
  name: `test-${++n}`,
  max,
  windowMs,
  tooMany: "Too many tries",
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return error.message;
    throw error;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  instances = [database.db, createPrismaClient(database.databaseUrl)];
});
afterAll(async () => {
  await instances[1].$disconnect();
  await database.drop();
});
beforeEach(() => forgetBlockedSubjects());

describe("a limit kept in PostgreSQL", () => {
  it("counts the attempts of every instance together, and says when to try again", async () => {
    const tries = limit(3);
    const answers: string[] = [];
    for (const db of [...instances, ...instances]) {
      forgetBlockedSubjects();
      answers.push(await outcome(spendAttempt(db, tries, "198.51.100.4")));
    }
    expect(answers).toEqual([
      "allowed",
      "allowed",
      "allowed",
      "Too many tries: try again in 1 minute.",
    ]);
    // Another subject has its own count.
    expect(await outcome(spendAttempt(instances[1], tries, "198.51.100.5"))).toBe("allowed");
  });

  it("lets exactly `max` through when attempts arrive at the same moment on two instances", async () => {
    const tries = limit(5);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        outcome(spendAttempt(instances[i % 2] as Db, tries, "x")),
      ),
    );
    expect(answers.filter((a) => a === "allowed")).toHaveLength(5);
  });

  it("starts again from zero once its window has ended", async () => {
    const tries = limit(1, 400);
    expect(await outcome(spendAttempt(instances[0], tries, "y"))).toBe("allowed");
    expect(await outcome(spendAttempt(instances[0], tries, "y"))).not.toBe("allowed");
    await sleep(500);
    expect(await outcome(spendAttempt(instances[1], tries, "y"))).toBe("allowed");
  });

  it("keeps no e-mail or client address in the table", async () => {
    await spendAttempt(instances[0], limit(5), "someone@lotledger.test");
    const keys = await instances[0].rateLimitCounter.findMany({ select: { key: true } });
    expect(keys.map((k) => k.key).join(" ")).not.toMatch(/someone|198\.51|lotledger/);
  });
});

describe("withFailureLimits (sign-in, invitations)", () => {
  const fail = () => Promise.reject(new AppError("UNAUTHENTICATED", "The password is wrong."));
  const succeed = () => Promise.resolve("signed in");

  it("counts failures only, and stops trying once an account has failed too often", async () => {
    const account = limit(3);
    const address = limit(100);
    const limits: [RateLimit, string][] = [
      [account, "farm@lotledger.test"],
      [address, "203.0.113.9"],
    ];
    for (let i = 0; i < 5; i++) await withFailureLimits(instances[i % 2] as Db, limits, succeed);
    let tried = 0;
    const counting = () => {
      tried++;
      return fail();
    };
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      forgetBlockedSubjects();
      answers.push(
        await withFailureLimits(instances[i % 2] as Db, limits, counting).catch((e: AppError) =>
          e.code === "TOO_MANY_REQUESTS" ? e.message : "failed",
        ),
      );
    }
    expect(answers).toEqual([
      "failed",
      "failed",
      "failed",
      "Too many tries: try again in 1 minute.",
      "Too many tries: try again in 1 minute.",
    ]);
    // The password was never checked once the limit was reached.
    expect(tried).toBe(3);
    // Refused attempts were not held against the address: it counts the three failures only.
    const row = await instances[0].rateLimitCounter.findMany({
      where: { key: { startsWith: `${address.name}:` } },
    });
    expect(row.map((r) => r.count)).toEqual([3]);
  });

  it("stops guessing from one address across many accounts", async () => {
    const account = limit(10);
    const address = limit(4);
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      forgetBlockedSubjects();
      const limits: [RateLimit, string][] = [
        [account, `person-${i}@lotledger.test`],
        [address, "2001:db8:1:2::/64"],
      ];
      answers.push(
        await withFailureLimits(instances[i % 2] as Db, limits, fail).catch((e: AppError) =>
          e.code === "TOO_MANY_REQUESTS" ? "refused" : "failed",
        ),
      );
    }
    expect(answers).toEqual(["failed", "failed", "failed", "failed", "refused", "refused"]);
  });
});

describe("the refusal", () => {
  it("says how many whole minutes to wait, rounded up", () => {
    expect(tooManyAttemptsSentence(LIMITS.signInAccount, 15 * 60_000)).toBe(
      "Too many sign-in attempts: try again in 15 minutes.",
    );
    expect(tooManyAttemptsSentence(LIMITS.signInAccount, 61_000)).toBe(
      "Too many sign-in attempts: try again in 2 minutes.",
    );
    expect(tooManyAttemptsSentence(LIMITS.publicReads, 200)).toBe(
      "Too many requests from your address: try again in 1 minute.",
    );
  });
});
