// The indexer process: follows the LotTracker contract's logs into the database until stopped.
// `npm start` runs it beside the web server; in production run exactly one per database.
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { indexerEnvSchema } from "@/lib/env";
import { indexNextBatch } from "@/lib/indexer/indexer";
import { startWorker } from "./start-worker";

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
await runPollLoop("indexer", async () => (await indexNextBatch(source)).blocks > 0, { signal });
await db.$disconnect();
process.exit(0);
