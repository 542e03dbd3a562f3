import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTestCode, sourceFiles } from "./import-graph";

// A module that must never reach a browser says so with `import "server-only"`: Next then refuses to
// build a client component that imports it, instead of shipping database access or key handling to
// phones. (Vitest aliases the package to an empty module; the workers and the CLI run with the
// react-server condition, under which it is empty too.)

const root = path.resolve(import.meta.dirname, "../..");
const runtime = sourceFiles(root).filter(
  (file) => file.startsWith("lib/") && !isTestCode(file) && !file.includes("/generated/"),
);
const text = (file: string) => readFileSync(path.join(root, file), "utf8");
const isServerOnly = (file: string) => /^import "server-only";$/m.test(text(file));

/** Reads the database, the configuration's secrets, or handles an organisation's signing key. */
const TOUCHES_SECRETS = /from "@\/lib\/db"|getEnv\(\)|(en|de)cryptSigningKey|new Wallet\(/;

/** Read by tools that run without the react-server condition (bench:gas, Playwright's fixtures). */
const SHARED_WITH_TOOLING = ["lib/env.ts", "lib/chain/provider.ts"];

/** Sign or write the ledger's state, and the doors of domains whose modules do. */
const SERVER_ONLY = [
  "lib/chain/outbox/sender.ts",
  "lib/indexer/indexer.ts",
  "lib/indexer/rebuild.ts",
  "lib/indexer/verify.ts",
  "lib/organizations/signing-key.ts",
  "lib/organizations/index.ts",
  "lib/cold-chain/index.ts",
  "lib/trace/index.ts",
  "lib/recall/index.ts",
  "lib/rate-limit/index.ts",
  "lib/audit/index.ts",
];

describe("server-only modules", () => {
  it("include every module that reads the database or secrets, or handles signing keys", () => {
    const missing = runtime
      .filter((file) => TOUCHES_SECRETS.test(text(file)) && !SHARED_WITH_TOOLING.includes(file))
      .filter((file) => !isServerOnly(file));
    expect(missing).toEqual([]);
  });

  it("include the signer, the indexer and the doors of domains with server code", () => {
    expect(SERVER_ONLY.filter((file) => !isServerOnly(file))).toEqual([]);
  });
});
