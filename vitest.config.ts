import path from "node:path";
import { defineConfig } from "vitest/config";

// Three suites with different real dependencies: `unit` needs nothing, `contracts` starts anvil,
// `db` starts PostgreSQL (embedded, or the server named by TEST_DATABASE_URL).
const alias = { "@": path.resolve(import.meta.dirname) };
const serverOnly = { "server-only": path.resolve(import.meta.dirname, "tools/testing/empty.ts") };

/**
 * The outbox, the indexer, the workers, the tools, pallets and shipments, and recall notices: the
 * tests that drive the chain or the clock hardest, and about half the time of all database tests, so
 * the two projects end together.
 */
const LEDGER_DB_TESTS = [
  "lib/chain/**/*.db.test.ts",
  "lib/indexer/**/*.db.test.ts",
  "lib/logistic-units/**/*.db.test.ts",
  "lib/shipments/**/*.db.test.ts",
  "lib/recall/notifications/**/*.db.test.ts",
  "tools/**/*.db.test.ts",
  "workers/**/*.db.test.ts",
];

function dbProject(name: string, files: { include: string[]; exclude: string[] }) {
  return {
    resolve: { alias: { ...alias, ...serverOnly } },
    test: {
      name,
      ...files,
      // Indexer tests need a chain as well as the database.
      globalSetup: [
        "tools/testing/postgres-global-setup.ts",
        "tools/testing/anvil-global-setup.ts",
      ],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      fileParallelism: false,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { ...alias, ...serverOnly } },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.{ts,tsx}",
            "tools/**/*.test.ts",
            "workers/**/*.test.ts",
          ],
          exclude: ["**/*.db.test.ts", "**/*.chain.test.ts"],
        },
      },
      {
        resolve: { alias: { ...alias, ...serverOnly } },
        test: {
          name: "contracts",
          include: [
            "contracts/test/**/*.test.ts",
            "lib/**/*.chain.test.ts",
            "tools/**/*.chain.test.ts",
          ],
          globalSetup: ["tools/testing/anvil-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      // The database tests in two halves that run side by side, each with its own PostgreSQL and anvil
      // (a project's global setup is its own): files within a half run one at a time, as they share
      // the half's chain accounts. CI runs them twice (embedded PostgreSQL 18, then 15), so the halves
      // save minutes on every push.
      dbProject("db", {
        include: ["lib/**/*.db.test.ts"],
        exclude: LEDGER_DB_TESTS,
      }),
      dbProject("db-ledger", { include: LEDGER_DB_TESTS, exclude: [] }),
    ],
  },
});
