import "server-only";
import { getEnv } from "@/lib/env";
import { createPrismaClient, type Db } from "./client";

// The clients of a server process, kept on globalThis so dev-mode module reloads reuse them.
const holder = globalThis as { lotledgerDb?: Db; lotledgerPublicDb?: Db };

/** Staff pages, API routes and writes: the process's main pool (10 connections). */
export function getDb(): Db {
  holder.lotledgerDb ??= createPrismaClient(getEnv().DATABASE_URL);
  return holder.lotledgerDb;
}

/**
 * What anyone on the internet can make LotLedger read (the resolver, the public JSON and label
 * routes, their rate limits) queues for a pool of its own, so a flood of public reads leaves the
 * staff's connections free.
 */
export function getPublicDb(): Db {
  holder.lotledgerPublicDb ??= createPrismaClient(getEnv().DATABASE_URL, 4);
  return holder.lotledgerPublicDb;
}
