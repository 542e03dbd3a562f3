// Measures how fast the indexer reads LotTracker's events into an empty database. Starts its own anvil
// and embedded PostgreSQL on free ports (nothing persisted), deploys LotTracker, seeds N events
// (--events, default 50,000), then times the real `indexNextBatch` loop over all of them and, in the
// same run and into a second empty database, the indexer as it was before it was tuned (the
// baseline); the two read models must come out equal. Prints a short report, or with --json only
// `{ "events": N, "seconds": s, "events_per_second": r }`. Exits 1 below the target of 5,000 events/s.
import { rmSync } from "node:fs";
import { chmod, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { indexNextBatch } from "@/lib/indexer/indexer";
import { findFreePort, startAnvil } from "@/tools/chain/anvil";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { deployLotTrackerFixture } from "@/tools/testing/lot-tracker-fixture";
import { compareReadModels } from "@/tools/testing/read-model";
import { indexNextBatchBaseline } from "./indexer/baseline";
import { createBenchDatabase } from "./indexer/databases";
import { seedLedger } from "./indexer/seed-ledger";

const CHAIN_ID = 31337;
const TARGET_EVENTS_PER_SECOND = 5_000;

type Run = { events: number; seconds: number; events_per_second: number };

function parseArgs(argv: string[]): { isJson: boolean; events: number } {
  const at = argv.indexOf("--events");
  const events = at === -1 ? 50_000 : Number(argv[at + 1]);
  if (!Number.isInteger(events) || events < 5) {
    throw new Error("--events takes a whole number of events, at least 5 (e.g. --events 10000).");
  }
  return { isJson: argv.includes("--json"), events };
}

/** Runs `indexBatch` until it reports nothing left, timing the whole loop. */
async function timeIndexing(indexBatch: () => Promise<{ events: number; done: boolean }>) {
  const started = performance.now();
  let events = 0;
  for (;;) {
    const batch = await indexBatch();
    events += batch.events;
    if (batch.done) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const run: Run = {
    events,
    seconds: Number(seconds.toFixed(3)),
    events_per_second: Math.round(events / seconds),
  };
  return run;
}

/** What the bench started, stopped in reverse order on the way out. */
const cleanups: (() => Promise<unknown>)[] = [];

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error(`cleanup failed: ${error}`));
  }
}

async function main(): Promise<number> {
  const { isJson, events } = parseArgs(process.argv.slice(2));
  const say = (line: string) => (isJson ? console.error(line) : console.log(line));
  const anvil = await startAnvil({ port: await findFreePort(), chainId: CHAIN_ID });
  cleanups.push(() => anvil.stop());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "lotledger-bench-indexer-"));
  // On Ctrl-C embedded-postgres stops the server and exits (async-exit-hook), anvil is killed on
  // exit (tools/chain/anvil.ts); what remains is the folder, removed here on any exit.
  process.once("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  cleanups.push(() => postgres.stop());

  const provider = createProvider(anvil.rpcUrl, CHAIN_ID);
  const fixture = await deployLotTrackerFixture(provider);
  const seeded = await seedLedger(
    anvil.rpcUrl,
    fixture.address,
    { producer: fixture.producer.address, carrier: fixture.carrier.address },
    events,
  );
  say(
    `seeded ${events} events in blocks ${seeded.fromBlock}–${seeded.toBlock} in ${seeded.seconds.toFixed(1)} s`,
  );
  const databases: Db[] = [];
  for (const name of ["lotledger", "lotledger_baseline"]) {
    const db = await createBenchDatabase(postgres.databaseUrl, name, seeded.payloads);
    cleanups.push(() => db.$disconnect());
    databases.push(db);
  }
  const [tuned, baseline] = databases as [Db, Db];
  // The deployment and role grants before the seeded blocks are not part of the measurement.
  const source = {
    provider,
    chainId: CHAIN_ID,
    contractAddress: fixture.address,
    startBlock: seeded.fromBlock,
    confirmations: 0,
  };

  const result = await timeIndexing(async () => {
    const batch = await indexNextBatch({ ...source, db: tuned });
    return { events: batch.events, done: batch.blocks === 0 };
  });
  say(`indexer:  ${format(result)}`);
  const before = await timeIndexing(async () => {
    const batch = await indexNextBatchBaseline({ ...source, db: baseline });
    return { events: batch.events, done: batch.blocks === 0 };
  });
  say(`baseline: ${format(before)} (the indexer before tuning, same chain, empty database)`);

  if (result.events !== events || before.events !== events) {
    throw new Error(`Seeded ${events} events, indexed ${result.events} and ${before.events}.`);
  }
  const differences = await compareReadModels(tuned, baseline);
  for (const line of differences) console.error(line);
  if (differences.length > 0) throw new Error("The two read models differ (see above).");
  const speedUp = result.events_per_second / before.events_per_second;
  say(`read models equal (events, lots, lineage, checkpoint); ${speedUp.toFixed(1)}× the baseline`);

  if (isJson) console.log(JSON.stringify(result));
  const isMet = result.events_per_second >= TARGET_EVENTS_PER_SECOND;
  say(`${isMet ? "✓" : "✗"} ≥ ${TARGET_EVENTS_PER_SECOND} events/s: ${result.events_per_second}`);
  return isMet ? 0 : 1;
}

function format(run: Run): string {
  return `${run.events} events in ${run.seconds.toFixed(2)} s = ${run.events_per_second} events/s`;
}

main().then(
  async (code) => {
    await cleanUp();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await cleanUp();
    process.exit(1);
  },
);
