// `npm run preflight -- <suite>…`: the first step of `npm test` and of the suites that need more than
// Node. It checks, in a second, what they would otherwise fail on minutes later (a missing Chromium,
// an embedded PostgreSQL that cannot run here), and says what to install or set.
import { accessSync, constants } from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedPostgresBinaries } from "./db/embedded-postgres";
import { assertPostgresUserCanReach } from "./db/postgres-user-access";

const SUITES = ["db", "e2e", "chaos"] as const;
type Suite = (typeof SUITES)[number];

/** The Chromium Playwright drives (playwright.config.ts reads the same variable). */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function chromiumProblem(): string | null {
  const executable = chromiumPath();
  try {
    accessSync(executable, constants.X_OK);
    return null;
  } catch {
    return `the end-to-end tests drive Chromium, and there is none at ${executable}: install it (\`apt-get install -y chromium\`) or set CHROMIUM_PATH to a Chromium or Chrome executable.`;
  }
}

function postgresProblem(suites: Suite[]): string | null {
  // The database tests can use a server instead; e2e and chaos run LotLedger's own embedded one.
  const needsEmbedded = suites.some((suite) => suite !== "db" || !process.env.TEST_DATABASE_URL);
  if (!needsEmbedded) return null;
  try {
    assertPostgresUserCanReach(
      // Every suite keeps its PostgreSQL data in a folder under the system's temporary folder.
      { programs: embeddedPostgresBinaries(), data: path.join(os.tmpdir(), "lotledger-test") },
      null,
    );
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

const asked = process.argv.slice(2);
const suites: Suite[] = asked.includes("all")
  ? [...SUITES]
  : SUITES.filter((suite) => asked.includes(suite));
const problems = [
  suites.includes("e2e") ? chromiumProblem() : null,
  postgresProblem(suites),
].filter((problem): problem is string => problem !== null);
for (const problem of problems) console.error(`The tests cannot run here: ${problem}`);
// Explicitly: embedded-postgres' exit hook would otherwise end the process with code 0.
process.exit(problems.length > 0 ? 1 : 0);
