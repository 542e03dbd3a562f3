import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const TRANSACTION_MAX_WAIT_MS = 10_000;

/**
 * A Prisma client over node-postgres for one database URL, with a pool of `connections` (node-postgres'
 * default, 10, unless told). The app uses the singletons in `lib/db`.
 */
export function createPrismaClient(databaseUrl: string, connections?: number): Db {
  const pool = { connectionString: databaseUrl, ...(connections ? { max: connections } : {}) };
  // A burst of writes (nothing waits for the ledger any more) queues for a pooled connection for up to
  // 10 s instead of Prisma's default 2 s, after which the request failed with P2028 (an HTTP 500).
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS },
  });
}
