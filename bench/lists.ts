// Measures the homes (lib/home) and the lots list (lib/lots/list-lots) at scale: starts its own
// embedded PostgreSQL on a free port in a temporary folder, seeds the demo organisations and
// --baseline-lots lots (default 1,000), times every home's queries and each kind of lots-list request
// (the baseline), then seeds up to --lots (default 100,000) and times them again in the same run.
// Each home is timed as its page asks (its queries side by side), --runs times (default 20) after two
// warm-up runs: p50 and p95 of the server time. Prints a short report, or with --json one JSON
// object. Exits 1 when a p95 at --lots is over 300 ms.

import { createPrismaClient } from "@/lib/db/client";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import { homeQueries, round, timeHomes } from "./lists/homes";
import { lotListQueries } from "./lists/lot-list";
import { seedLots, seedWorld } from "./lists/seed";

const TARGET_P95_MS = 300;

function parseArgs(argv: string[]) {
  const number = (flag: string, fallback: number) => wholeNumberFlag(argv, flag, fallback);
  return {
    isJson: argv.includes("--json"),
    lots: number("--lots", 100_000),
    baselineLots: number("--baseline-lots", 1_000),
    runs: number("--runs", 20),
  };
}

const cleanups: (() => Promise<unknown>)[] = [];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const say = (line: string) => (args.isJson ? console.error(line) : console.log(line));
  const postgres = await startBenchDatabase("lists");
  cleanups.push(() => postgres.stop());
  const db = createPrismaClient(postgres.databaseUrl);
  cleanups.unshift(() => db.$disconnect());

  const world = await seedWorld(db);
  let started = performance.now();
  await seedLots(db, world, 0, args.baselineLots);
  await db.$executeRawUnsafe("ANALYZE");
  say(`seeded ${args.baselineLots} lots; timing the homes…`);
  const queries = homeQueries(db, world);
  const baseline = await timeHomes(queries, args.runs);
  const baselineList = await timeHomes(await lotListQueries(db, world), args.runs);

  started = performance.now();
  await seedLots(db, world, args.baselineLots, args.lots);
  const seedSeconds = (performance.now() - started) / 1000;
  await db.$executeRawUnsafe("ANALYZE");
  const [lots, events, payloads] = await Promise.all([
    db.lot.count(),
    db.ledgerEvent.count(),
    db.eventPayload.count(),
  ]);
  say(`seeded ${lots} lots, ${events} events, ${payloads} payloads in ${seedSeconds.toFixed(1)} s`);
  const atScale = await timeHomes(queries, args.runs);
  const listAtScale = await timeHomes(await lotListQueries(db, world), args.runs);

  const result = {
    lots,
    events,
    payloads,
    seed_seconds: round(seedSeconds),
    seed_us_per_row: round(((seedSeconds * 1e6) / (lots + events + payloads)) * 10) / 10,
    runs: args.runs,
    homes: atScale,
    lots_list: listAtScale,
    baseline: { lots: args.baselineLots, homes: baseline, lots_list: baselineList },
  };
  if (args.isJson) console.log(JSON.stringify(result));
  else console.log(JSON.stringify(result, null, 2));
  let isMet = true;
  for (const [name, timing] of Object.entries({ ...atScale, ...listAtScale })) {
    const ok = timing.p95_ms <= TARGET_P95_MS;
    isMet &&= ok;
    say(
      `${ok ? "✓" : "✗"} ${name}: p50 ${timing.p50_ms} ms, p95 ${timing.p95_ms} ms (≤ ${TARGET_P95_MS})`,
    );
  }
  return isMet ? 0 : 1;
}

main().then(
  async (code) => {
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    process.exit(code);
  },
  async (error) => {
    console.error(error instanceof Error ? error.message : error);
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    process.exit(1);
  },
);
