// The indexer process: follows the LotTracker contract's logs into the database until stopped.
// `npm start` runs it beside the web server; in production run exactly one per database.
import { createProvider } from "@/lib/chain/provider";
import { createPrismaClient } from "@/lib/db/client";
import { ConfigError, indexerEnvSchema, parseEnv } from "@/lib/env";
import { runIndexer } from "@/lib/indexer/run-indexer";

const env = (() => {
  try {
    return parseEnv(indexerEnvSchema);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
})();
const db = createPrismaClient(env.DATABASE_URL);
const deployment = await db.contractDeployment.findUnique({ where: { chainId: env.CHAIN_ID } });
if (!deployment) {
  console.error(
    `indexer: no LotTracker contract is recorded for chain ${env.CHAIN_ID}; run \`npm start\` first.`,
  );
  process.exit(1);
}

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

console.log(
  `indexer: following LotTracker ${deployment.address} on chain ${env.CHAIN_ID} from block ${deployment.blockNumber}`,
);
await runIndexer(
  {
    db,
    provider: createProvider(env.RPC_URL, env.CHAIN_ID),
    chainId: env.CHAIN_ID,
    contractAddress: deployment.address,
    startBlock: deployment.blockNumber,
    confirmations: env.CONFIRMATIONS,
  },
  { signal: controller.signal },
);
await db.$disconnect();
process.exit(0);
