// The outbox sender process: signs each organisation's queued ledger writes with its key, sends them
// and confirms them, resuming whatever a crash interrupted. Any number may run (one per app instance):
// the one holding the database's sender lock sends, the others stand by to take over.
import { nextPassInMs, processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop, WakeUp } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { listenTo, OUTBOX_CHANNEL } from "@/lib/db/notify";
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
/** Without a notification (a lost listener connection), a new write still goes out within this. */
const IDLE_POLL_MS = 1_000;
const wakeUp = new WakeUp();
const listener = listenTo(env.DATABASE_URL, OUTBOX_CHANNEL, () => wakeUp.ring());
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
    pollMs: () => nextPassInMs(context, IDLE_POLL_MS),
    wakeUp,
  });
});
await listener.stop();
await db.$disconnect();
process.exit(0);
