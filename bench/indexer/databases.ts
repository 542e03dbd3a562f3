import pg from "pg";
import type { PayloadValue } from "@/lib/chain/payload";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { deployMigrations } from "@/tools/db/migrate";

/**
 * An empty, migrated database `name` on the server of `serverDatabaseUrl`, holding the seeded lots'
 * off-chain payloads (the app stores them before it sends, so the indexer finds them).
 */
export async function createBenchDatabase(
  serverDatabaseUrl: string,
  name: string,
  payloads: { hash: string; body: PayloadValue }[],
): Promise<Db> {
  const url = new URL(serverDatabaseUrl);
  if (url.pathname !== `/${name}`) {
    await runSql(url.href, `CREATE DATABASE "${name}"`);
    url.pathname = `/${name}`;
  }
  await deployMigrations({ databaseUrl: url.href });
  // One statement: Prisma's createMany took ~13 s for 30,000 payloads (see lib/indexer/write-rows.ts).
  await runSql(
    url.href,
    `INSERT INTO "EventPayload" ("hash", "body", "updatedAt")
     SELECT hash, body, now() AT TIME ZONE 'UTC' FROM unnest($1::text[], $2::jsonb[]) AS p(hash, body)`,
    [payloads.map((p) => p.hash), payloads.map((p) => JSON.stringify(p.body))],
  );
  return createPrismaClient(url.href);
}

async function runSql(databaseUrl: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}
