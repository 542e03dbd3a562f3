// `npm run bench:writes [-- --json --clients 200 --seconds 20 --baseline <ref> --block-time <s>]`:
// the write pipeline end to end (HTTP API → outbox → sender → chain → indexer → read model), for this
// checkout and, in the same run, for a baseline built from git (default 68415ff, the pipeline before
// issue 16). Each gets its own embedded PostgreSQL and anvil; --clients API clients of the three
// organisations that make lots write for --seconds (bench/writes/load.ts). Per pipeline: writes/s that
// reached the ledger, the time to the HTTP answer (ack) and to the ledger (confirmed and indexed),
// p50 and p95. --block-time mines a block every <s> seconds instead of one per transaction,
// --mine-every <ms> one every <ms> while transactions wait (tools/chain/anvil.ts); --only
// new|baseline runs one side; --profile <dir> writes the web servers' CPU profiles there.

import { buildIfNeeded } from "@/tools/stack/build";
import { wholeNumberFlag } from "./embedded-database";
import { type Backend, startBackend } from "./writes/backend";
import { prepareBaseline } from "./writes/baseline";
import { type LoadResult, runLoad } from "./writes/load";

const TARGETS = { writes_per_s: 150, ack_p95_ms: 100, to_ledger_p95_ms: 1_500 };

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv[at + 1];
}

const argv = process.argv.slice(2);
const isJson = argv.includes("--json");
const clients = wholeNumberFlag(argv, "--clients", 200);
const seconds = wholeNumberFlag(argv, "--seconds", 20);
const baselineRef = flag(argv, "--baseline") ?? "68415ff";
const only = flag(argv, "--only");
const profileDir = flag(argv, "--profile");
const blockTimeFlag = flag(argv, "--block-time");
const blockTime = blockTimeFlag === undefined ? undefined : Number(blockTimeFlag);
if (blockTime !== undefined && !(blockTime > 0)) {
  throw new Error("--block-time takes seconds above 0 (e.g. --block-time 0.25).");
}
const mineEveryFlag = flag(argv, "--mine-every");
const mineEveryMs =
  mineEveryFlag === undefined ? undefined : wholeNumberFlag(argv, "--mine-every", 250);
const chainMode = mineEveryMs
  ? `a block every ${mineEveryMs} ms while writes wait`
  : blockTime
    ? `a block every ${blockTime} s`
    : "automine";
const log = (line: string) => (isJson ? console.error(line) : console.log(line));

async function measure(dir: string, label: string): Promise<LoadResult> {
  let backend: Backend | null = null;
  try {
    backend = await startBackend(dir, label, {
      chain: { blockTime, mineEveryMs },
      profileDir,
      log,
    });
    log(`bench:writes: ${label}: ${clients} clients for ${seconds} s…`);
    const result = await runLoad(backend, { clients, seconds, log });
    log(`bench:writes: ${label}: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await backend?.stop();
  }
}

const results: Record<string, LoadResult | string> = {};
let exitCode = 0;
try {
  if (only !== "baseline") {
    await buildIfNeeded(log);
    results.new = await measure(process.cwd(), "new");
  }
  if (only !== "new") {
    const dir = await prepareBaseline(baselineRef, log);
    results[`baseline ${baselineRef}`] = await measure(dir, "baseline");
  }
} catch (error) {
  log(`bench:writes: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
}
const report = {
  clients,
  seconds,
  chain: chainMode,
  targets: TARGETS,
  ...results,
};
console.log(isJson ? JSON.stringify(report) : JSON.stringify(report, null, 2));
process.exit(exitCode);
