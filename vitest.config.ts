import path from "node:path";
import { defineConfig } from "vitest/config";

// Three suites with different real dependencies: `unit` needs nothing, `contracts` starts anvil,
// `db` starts PostgreSQL (embedded, or the server named by TEST_DATABASE_URL).
const alias = { "@": path.resolve(import.meta.dirname) };
const serverOnly = { "server-only": path.resolve(import.meta.dirname, "tools/testing/empty.ts") };

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
      {
        resolve: { alias: { ...alias, ...serverOnly } },
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "tools/**/*.db.test.ts", "workers/**/*.db.test.ts"],
          // Indexer tests need a chain as well as the database.
          globalSetup: [
            "tools/testing/postgres-global-setup.ts",
            "tools/testing/anvil-global-setup.ts",
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
