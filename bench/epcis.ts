// `npm run bench:epcis [-- --json]`: the EPCIS interface's two numbers of issue 18 — capture of a
// 10,000-event document (bench/epcis-capture.ts, `runCaptureBench`) and query pages of 100 on a
// repository of 1,000,000 events (bench/epcis-query.ts, `runQueryBench`) — each half on its own
// embedded PostgreSQL, one after the other. A half whose file is not in this checkout is left out
// of the JSON (and said so), so each half runs alone on its branch. Flags pass through to both
// halves (e.g. --events 100000 for a quick query run). Exits 1 when a target is missed.
import { existsSync } from "node:fs";
import path from "node:path";
import { runQueryBench } from "./epcis-query";

const TARGETS = { capture_events_per_s: [2_000, "≥"], query_p95_ms: [50, "≤"] } as const;

type Half = (argv: string[], say: (line: string) => void) => Promise<Record<string, number>>;

async function captureHalf(): Promise<Half | null> {
  const file = path.join(import.meta.dirname, "epcis-capture.ts");
  if (!existsSync(file)) return null;
  return ((await import(file)) as { runCaptureBench: Half }).runCaptureBench;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const isJson = argv.includes("--json");
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  const result: Record<string, number> = {};
  const capture = await captureHalf();
  if (capture) Object.assign(result, await capture(argv, say));
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
