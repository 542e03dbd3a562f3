// The indexer process: follows the LotTracker contract's logs into the database until stopped. Any
// number may run (one per app instance): the one holding the database's indexer lock indexes, the
// others stand by to take over. A read model that stops moving is logged as an ALERT.
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { indexerEnvSchema } from "@/lib/env";
import { getIndexedBlock, indexNextBatch } from "@/lib/indexer/indexer";
import { createStallWatch } from "@/lib/indexer/stall-watch";
import { runAsSoleHolder } from "./sole-holder";
import { startWorker } from "./start-worker";

/** How often the stall watch compares the checkpoint with the chain's head. */
const WATCH_EVERY_MS = 10_000;
/**
 * New blocks are looked for this often: one eth_blockNumber, so a write reaches the read model within
 * a block and a few tens of milliseconds. A full pass (which also checks the checkpoint's block for a
 * reorg) runs when the head moved, or every FULL_PASS_MS regardless.
 */
const HEAD_POLL_MS = 25;
const FULL_PASS_MS = 1_000;

const { env, db, deployment, signal } = await startWorker("indexer", indexerEnvSchema);
console.log(
  `indexer: following LotTracker ${deployment.address} on chain ${env.CHAIN_ID} from block ${deployment.blockNumber}`,
);
const source = {
  db,
  provider: createProvider(env.RPC_URL, env.CHAIN_ID),
  chainId: env.CHAIN_ID,
  contractAddress: deployment.address,
  startBlock: deployment.blockNumber,
  confirmations: env.CONFIRMATIONS,
  log: console.log,
};
await runAsSoleHolder({ name: "indexer", databaseUrl: env.DATABASE_URL, signal }, async (held) => {
  const stall = createStallWatch({ log: console.log });
  let lastError: string | null = null;
  const watch = setInterval(async () => {
    try {
      const [indexedBlock, head] = await Promise.all([
        getIndexedBlock(db, env.CHAIN_ID),
        source.provider.getBlockNumber(),
      ]);
      stall.observe({ indexedBlock, head: head - env.CONFIRMATIONS, lastError });
    } catch {
      // the chain or the database is down: the poll loop says so
    }
  }, WATCH_EVERY_MS);
  const log = (line: string) => {
    lastError = line.endsWith(": reconnected") ? null : line;
    console.log(line);
  };
  let seenHead = -1;
  let fullPassAt = 0;
  const step = async () => {
    const head = await source.provider.getBlockNumber();
    if (head === seenHead && Date.now() - fullPassAt < FULL_PASS_MS) return false;
    fullPassAt = Date.now();
    const { blocks } = await indexNextBatch(source);
    // Caught up to this head: the next pass waits for a new block. Still behind: go on at once.
    if (blocks === 0) seenHead = head;
    return blocks > 0;
  };
  await runPollLoop("indexer", step, { signal: held, log, pollMs: HEAD_POLL_MS }).finally(() =>
    clearInterval(watch),
  );
});
await db.$disconnect();
process.exit(0);
