import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "./client";

// One client per server process; kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as { lotledgerDb?: Db };

export function getDb(): Db {
  holder.lotledgerDb ??= createPrismaClient(getEnv().DATABASE_URL);
  return holder.lotledgerDb;
}
