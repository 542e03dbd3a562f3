import { defineConfig, devices } from "@playwright/test";

// Playwright cannot download browsers here: it drives Debian's Chromium (CHROMIUM_PATH overrides).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const desktop = { ...devices["Desktop Chrome"], channel: undefined };
/** Specs that take the ledger down or restart the stack (e2e/fixtures' `stack` control). */
const STACK_STOPPING_SPECS = ["create-lot.spec.ts", "restart.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  // One LotLedger stack (started by global-setup) serves every test; tests use unique data, so two
  // files run at a time (E2E_WORKERS overrides) — except the ones that stop the chain or restart the
  // stack under everyone's feet: they run last, alone.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  globalSetup: "./e2e/fixtures/global-setup.ts",
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "on-first-retry",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", testIgnore: STACK_STOPPING_SPECS, use: desktop },
    {
      name: "stack-stopping",
      testMatch: STACK_STOPPING_SPECS,
      dependencies: ["desktop"],
      workers: 1,
      use: desktop,
    },
  ],
});
