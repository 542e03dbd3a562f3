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
  await runPollLoop("indexer", async () => (await indexNextBatch(source)).blocks > 0, {
    signal: held,
    log,
  }).finally(() => clearInterval(watch));
});
await db.$disconnect();
process.exit(0);
