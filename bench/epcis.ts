// `npm run bench:epcis [-- --json]`: the EPCIS interface's two numbers of issue 18 — capture of a
// document of --capture-events events (default 10,000; bench/epcis-capture.ts, `benchEpcisCapture`)
// and query pages of 100 on a repository of --events events (default 1,000,000;
// bench/epcis-query.ts, `runQueryBench`) — each half on its own embedded PostgreSQL, one after the
// other. A half whose file is not in this checkout is left out of the JSON (and said so), so each
// half runs alone on its branch. Exits 1 when a target is missed.
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import { runQueryBench } from "./epcis-query";

const TARGETS = { capture_events_per_s: [2_000, "≥"], query_p95_ms: [50, "≤"] } as const;

type CaptureBench = (db: Db, events: number) => Promise<Record<string, number>>;

/** The capture half on a database of its own, or null without bench/epcis-capture.ts. */
async function runCaptureHalf(argv: string[]): Promise<Record<string, number> | null> {
  const file = path.join(import.meta.dirname, "epcis-capture.ts");
  if (!existsSync(file)) return null;
  const { benchEpcisCapture } = (await import(file)) as { benchEpcisCapture: CaptureBench };
  const database = await startBenchDatabase("epcis-capture");
  const db = createPrismaClient(database.databaseUrl);
  try {
    return await benchEpcisCapture(db, wholeNumberFlag(argv, "--capture-events", 10_000));
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const isJson = argv.includes("--json");
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  const result: Record<string, number> = {};
  say("capture half…");
  const capture = await runCaptureHalf(argv);
  if (capture) Object.assign(result, capture);
  else say("capture half: bench/epcis-capture.ts is not in this checkout, left out");
  Object.assign(result, await runQueryBench(argv, say));
  console.log(isJson ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  let isMet = true;
  for (const [name, [target, sense]] of Object.entries(TARGETS)) {
    const value = result[name];
    if (value === undefined) continue;
    const ok = sense === "≥" ? value >= target : value <= target;
    isMet &&= ok;
    say(`${ok ? "✓" : "✗"} ${name} ${sense} ${target}: ${value}`);
  }
  return isMet ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
