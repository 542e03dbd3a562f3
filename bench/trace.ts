// Measures the trace engine (lib/trace) on a realistic read model: starts its own embedded
// PostgreSQL on a free port in a temporary folder, seeds --events ledger events (default 1,000,000)
// with their EPCIS payloads over --lots lots (default 100,000) whose lineage is five derivations deep,
// then times traceBack, traceForward and getRecallScope on --samples random lots (default 1,000),
// and in the same run a level-by-level Prisma traversal (the baseline) on the first
// --baseline-samples of them. Prints a short report, or with --json one JSON object. Exits 1 when a
// target is missed: trace ≤ 50 ms p95, recall scope ≤ 200 ms p95, and the FSMA 204 spreadsheet of
// a lot's full trace in under a second (the slowest of 50 sampled lots and the largest scope).

import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import { type Cleanups, reportTargets, runBench } from "./run-bench";
import { round, sample } from "./trace/measure";
import { measureTrace } from "./trace/run";
import { seedTraceData } from "./trace/seed";
import { createRng } from "./trace/world";

const TARGETS = { trace_p95_ms: 50, recall_scope_p95_ms: 200, fsma_export_ms: 1_000 };

function parseArgs(argv: string[]) {
  const number = (flag: string, fallback: number) => wholeNumberFlag(argv, flag, fallback);
  return {
    isJson: argv.includes("--json"),
    lots: number("--lots", 100_000),
    events: number("--events", 1_000_000),
    samples: number("--samples", 1_000),
    baselineSamples: number("--baseline-samples", 100),
    seed: number("--seed", 204),
  };
}

async function main(cleanups: Cleanups): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const say = (line: string) => (args.isJson ? console.error(line) : console.log(line));
  const postgres = await startBenchDatabase("trace");
  cleanups.push(() => postgres.stop());

  say(`seeding ${args.events} events over ${args.lots} lots…`);
  const seeded = await seedTraceData({ databaseUrl: postgres.databaseUrl, ...args, say });
  say(
    `seeded ${seeded.events} events, ${seeded.payloads} payloads, ${seeded.lots} lots, ${seeded.links} lineage links, ${seeded.packages} packages in ${seeded.seconds.toFixed(1)} s`,
  );
  const result = {
    lots: seeded.lots,
    events: seeded.events,
    ...(await measureTrace({
      databaseUrl: postgres.databaseUrl,
      lotIds: sample(seeded.lotIds, args.samples, createRng(args.seed + 1).next),
      baselineSamples: args.baselineSamples,
    })),
    seed_seconds: round(seeded.seconds),
  };
  const isMet = reportTargets(result, TARGETS, { isJson: args.isJson, say });
  return isMet ? 0 : 1;
}

runBench(main);
