// The outbox sender process: signs each organisation's queued ledger writes with its key, sends them
// and confirms them, resuming whatever a crash interrupted. `npm start` runs it; run exactly one per
// database in production.
import { processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { senderEnvSchema } from "@/lib/env";
import { createSignerLookup } from "@/lib/organizations";
import { startWorker } from "./start-worker";

const { env, db, deployment, signal } = await startWorker("sender", senderEnvSchema);
console.log(
  `sender: sending queued writes to LotTracker ${deployment.address} on chain ${env.CHAIN_ID}`,
);
const context = {
  db,
  provider: createProvider(env.RPC_URL, env.CHAIN_ID),
  chainId: env.CHAIN_ID,
  contractAddress: deployment.address,
  signerOf: createSignerLookup({ db, masterKey: env.MASTER_KEY }),
  log: console.log,
  recheck: { everyMs: 2_000, lastAt: 0 },
};
await runPollLoop("sender", async () => (await processOutbox(context)) > 0, {
  signal,
  pollMs: 100,
});
await db.$disconnect();
process.exit(0);
