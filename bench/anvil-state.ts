// `npm run bench:anvil-state [-- --blocks 10000,100000] [-- --json]`: how the embedded chain's state
// file grows with history. Fills an anvil with one LotTracker createLot per block (as `npm start` mines
// them: one transaction, one block) and, at each count of blocks, measures the state file anvil
// rewrites every second: its size, how long the rewrite leaves it incomplete (sampled every 2 ms),
// anvil_dumpState's time (the same serialisation, over JSON-RPC), how long the JSON-RPC calls wait
// meanwhile, LotLedger's good copy (read, parse, write, rename) and a restart from the file. Prints a
// line per count of blocks, or with --json one JSON array (progress goes to stderr).
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { id } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import { roleForOrganizationKind } from "@/lib/organizations";
import { findFreePort, startAnvil } from "@/tools/chain/anvil";
import { deployLotTracker } from "@/tools/chain/deploy";

const { values } = parseArgs({
  options: {
    blocks: { type: "string", default: "10000,100000" },
    json: { type: "boolean", default: false },
  },
});
const targets = values.blocks.split(",").map(Number);
const progress = (line: string) => console.error(line);
/** Transactions queued before each anvil_mine of as many blocks. */
const QUEUED = 100;
/**
 * Above a createLot's ~52,000–54,000 gas; a block of 120,000 gas then fits exactly one, and uses less
 * than half of it, so the base fee only falls and queued transactions stay minable.
 */
const TX_GAS = "0x11170"; // 70,000
const BLOCK_GAS_LIMIT = "0x1d4c0"; // 120,000
const GTIN = 9506000134352n;

const directory = await mkdtemp(path.join(tmpdir(), "lotledger-anvil-state-"));
const stateFile = path.join(directory, "state.json");
const port = await findFreePort();
// The good copy is made by hand below, to time it; anvil's own rewrite still runs every second.
const anvilOptions = { port, stateFile, goodCopyEveryMs: 3_600_000, log: progress };
let anvil = await startAnvil(anvilOptions);
const provider = createProvider(anvil.rpcUrl, 31337);
const admin = await provider.getSigner(0);
const { address } = await deployLotTracker(admin);
const producer = await provider.getSigner(1);
await grantLotTrackerRole(
  LotTracker__factory.connect(address, admin),
  roleForOrganizationKind("FARM"),
  producer.address,
);
await provider.send("evm_setAutomine", [false]);
await provider.send("evm_setBlockGasLimit", [BLOCK_GAS_LIMIT]);
const data = (i: number) =>
  LotTracker__factory.createInterface().encodeFunctionData("createLot", [
    GTIN,
    encodeLotCode(`S${i}`),
    id(`p${i}`),
    id(`s${i}`),
  ]);

/** The longest a rewrite leaves the file shorter than its final size, over `ms`. */
async function incompleteWindow(ms: number): Promise<number> {
  const end = Date.now() + ms;
  let longest = 0;
  let shortSince: number | null = null;
  let final = (await stat(stateFile)).size;
  while (Date.now() < end) {
    const size = await stat(stateFile).then(
      (s) => s.size,
      () => 0,
    );
    if (size < final * 0.99) shortSince ??= performance.now();
    else if (shortSince !== null) {
      longest = Math.max(longest, performance.now() - shortSince);
      shortSince = null;
    }
    final = Math.max(final, size);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return longest;
}

/** The slowest of eth_blockNumber calls made back to back for `ms`: what the app waits while anvil saves. */
async function slowestCall(ms: number): Promise<number> {
  const end = Date.now() + ms;
  let slowest = 0;
  while (Date.now() < end) {
    const started = performance.now();
    await provider.getBlockNumber();
    slowest = Math.max(slowest, performance.now() - started);
  }
  return slowest;
}

type Measure = {
  blocks: number;
  fill_s: number;
  state_file_mb: number;
  rewrite_incomplete_ms: number;
  dump_state_ms: number;
  slowest_rpc_ms: number;
  good_copy_ms: number;
  restart_ms: number;
};
const measures: Measure[] = [];
let sent = 0;
let nonce = await provider.getTransactionCount(producer.address, "latest");
for (const target of targets) {
  const started = performance.now();
  let reported = 0;
  for (let head = await provider.getBlockNumber(); head < target; ) {
    const count = Math.min(QUEUED, target - head);
    const batch = Array.from({ length: count }, () => [sent++, nonce++] as const);
    await Promise.all(
      batch.map(([i, n]) =>
        provider.send("eth_sendTransaction", [
          {
            from: producer.address,
            to: address,
            data: data(i),
            nonce: `0x${n.toString(16)}`,
            gas: TX_GAS,
          },
        ]),
      ),
    );
    await provider.send("anvil_mine", [`0x${count.toString(16)}`]);
    head = await provider.getBlockNumber();
    if (head - reported >= 5_000) {
      reported = head;
      progress(
        `anvil-state: ${head} blocks, ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
    }
  }
  const fillSeconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2_500)); // anvil's next save holds them all
  const head = await provider.getBlockNumber();
  const { transactions } = (await provider.getBlock(head)) ?? { transactions: [] };
  if (transactions.length !== 1)
    throw new Error(`Block ${head} holds ${transactions.length} transactions, not 1.`);
  const [incompleteMs, slowestMs] = await Promise.all([
    incompleteWindow(5_000),
    slowestCall(5_000),
  ]);
  const { size } = await stat(stateFile);
  let t = performance.now();
  await provider.send("anvil_dumpState", []);
  const dumpMs = performance.now() - t;
  t = performance.now();
  await anvil.saveGoodCopy();
  const copyMs = performance.now() - t;
  await anvil.stop();
  t = performance.now();
  anvil = await startAnvil(anvilOptions);
  const restartMs = performance.now() - t;
  const measure: Measure = {
    blocks: head,
    fill_s: Math.round(fillSeconds),
    state_file_mb: Math.round(size / 1e5) / 10,
    rewrite_incomplete_ms: Math.round(incompleteMs),
    dump_state_ms: Math.round(dumpMs),
    slowest_rpc_ms: Math.round(slowestMs),
    good_copy_ms: Math.round(copyMs),
    restart_ms: Math.round(restartMs),
  };
  measures.push(measure);
  (values.json ? progress : console.log)(
    `${head} blocks (filled in ${measure.fill_s} s): state file ${measure.state_file_mb} MB; a rewrite leaves it incomplete for up to ${measure.rewrite_incomplete_ms} ms; anvil_dumpState ${measure.dump_state_ms} ms; JSON-RPC calls wait up to ${measure.slowest_rpc_ms} ms meanwhile; good copy ${measure.good_copy_ms} ms; restart from it ${measure.restart_ms} ms`,
  );
}
if (values.json) console.log(JSON.stringify(measures));
provider.destroy();
await anvil.stop();
await rm(directory, { recursive: true, force: true });
process.exit(0);
