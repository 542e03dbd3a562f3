import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * A Prisma client over node-postgres for one database URL, with a pool of `connections` (node-postgres'
 * default, 10, unless told). The app uses the singletons in `lib/db`.
 */
export function createPrismaClient(databaseUrl: string, connections?: number): Db {
  const pool = { connectionString: databaseUrl, ...(connections ? { max: connections } : {}) };
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
