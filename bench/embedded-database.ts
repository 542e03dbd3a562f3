import { rmSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { deployMigrations } from "@/tools/db/migrate";

/**
 * A bench's own PostgreSQL: embedded, on a free port, in a temporary folder removed on any exit
 * (on Ctrl-C embedded-postgres stops the server itself), with LotLedger's migrations deployed.
 */
export async function startBenchDatabase(
  name: string,
): Promise<{ databaseUrl: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `lotledger-bench-${name}-`));
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  await deployMigrations({ databaseUrl: postgres.databaseUrl });
  return postgres;
}

/** The whole number after `flag` on the command line (at least 1), or `fallback` without the flag. */
export function wholeNumberFlag(argv: string[], flag: string, fallback: number): number {
  const at = argv.indexOf(flag);
  const value = at === -1 ? fallback : Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${flag} takes a whole number, at least 1 (e.g. ${flag} ${fallback}).`);
  }
  return value;
}
