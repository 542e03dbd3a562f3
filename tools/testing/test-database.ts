import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/tools/db/migrate";

export type TestDatabase = { databaseUrl: string; db: Db; drop(): Promise<void> };

/**
 * A new, uniquely named database on the test server with every migration applied (or none, with
 * `migrate: false`), so test files never see each other's rows. Call `drop()` in afterAll.
 */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const serverUrl = inject("databaseUrl");
  const name = `lotledger_test_${randomBytes(6).toString("hex")}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.href;
  if (migrate) await deployMigrations({ databaseUrl });
  const db = createPrismaClient(databaseUrl);
  return {
    databaseUrl,
    db,
    async drop() {
      await db.$disconnect();
      // FORCE: a test that failed half-way may leave connections open. A role that is not a
      // superuser (CI's PostgreSQL 15) cannot end the autovacuum worker that may be busy in the
      // database at that moment: wait a little for it and try again.
      for (let attempt = 1; ; attempt++) {
        try {
          await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          return;
        } catch (error) {
          if (attempt >= 10 || !String(error).includes("pg_signal_backend")) throw error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    },
  };
}

async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
