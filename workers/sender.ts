// The outbox sender process: signs each organisation's queued ledger writes with its key, sends them
// and confirms them, resuming whatever a crash interrupted. Any number may run (one per app instance):
// the one holding the database's sender lock sends, the others stand by to take over.
import { processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { senderEnvSchema } from "@/lib/env";
import { createSignerLookup } from "@/lib/organizations";
import { removeWhatAFailedWriteMade } from "./failed-write";
import { runAsSoleHolder } from "./sole-holder";
import { startWorker } from "./start-worker";

const { env, db, deployment, signal } = await startWorker("sender", senderEnvSchema);
console.log(
  `sender: sending queued writes to LotTracker ${deployment.address} on chain ${env.CHAIN_ID}`,
);
const provider = createProvider(env.RPC_URL, env.CHAIN_ID);
await runAsSoleHolder({ name: "sender", databaseUrl: env.DATABASE_URL, signal }, (held) => {
  // Made afresh with each hold of the lock: what it remembers about signed writes may be stale.
  const context = {
    db,
    provider,
    chainId: env.CHAIN_ID,
    contractAddress: deployment.address,
    signerOf: createSignerLookup({ db, masterKey: env.MASTER_KEY }),
    onFailed: removeWhatAFailedWriteMade,
    log: console.log,
    recheck: { everyMs: 2_000, lastAt: 0 },
  };
  return runPollLoop("sender", async () => (await processOutbox(context)) > 0, {
    signal: held,
    pollMs: 100,
  });
});
await db.$disconnect();
process.exit(0);
