import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, SOCKET_ADDRESS_HEADER } from "@/lib/rate-limit";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { limitPublicRead } from "./public-limit";

let database: TestDatabase;
const savedEnv = { ...process.env };

beforeAll(async () => {
  database = await createTestDatabase();
  // lib/env.ts is read for TRUST_PROXY_HEADER: left unset, the socket's address counts.
  Object.assign(process.env, {
    DATABASE_URL: database.databaseUrl,
    RPC_URL: "http://127.0.0.1:8545",
    CHAIN_ID: "31337",
    MASTER_KEY: "ab".repeat(32),
    WEBHOOK_SECRETS_KEY: "cd".repeat(32),
    AUTH_SECRET: "s".repeat(32),
  });
});
afterAll(async () => {
  process.env = savedEnv;
  await database.drop();
});

const read = (socket: string, claimed = "192.0.2.1") =>
  new Request("http://lotledger.test/linkset/01/09506000134352", {
    headers: { [SOCKET_ADDRESS_HEADER]: socket, "x-forwarded-for": claimed },
  });

describe("a public read", () => {
  it("is answered up to the limit per address, then refused with when to come back", async () => {
    let answered = 0;
    const answer = async () => {
      answered++;
      return Response.json({ ok: true });
    };
    for (let i = 0; i < LIMITS.publicReads.max; i++) {
      // A client writing another address in X-Forwarded-For each time is still one address.
      const response = await limitPublicRead(
        read("198.51.100.7", `203.0.113.${i % 250}`),
        answer,
        database.db,
      );
      expect(response.status).toBe(200);
    }
    const refused = await limitPublicRead(read("198.51.100.7"), answer, database.db);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      code: "TOO_MANY_REQUESTS",
      error: "Too many requests from your address: try again in 1 minute.",
    });
    expect(answered).toBe(LIMITS.publicReads.max);
    // Another address is answered.
    expect((await limitPublicRead(read("198.51.100.8"), answer, database.db)).status).toBe(200);
  });
});
