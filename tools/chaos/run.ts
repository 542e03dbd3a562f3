// `npm run test:chaos [-- --requests N --instances I --seed S]`: runs I complete app instances (web,
// sender, indexer each; 2 by default) behind a load balancer against one database and one chain,
// registers N lots, then ships them (most one handoff each, about a third several to a shipment in
// one handoffBatch, received whole once the chaos is over), many at once, while SIGKILLing web servers, senders,
// indexers and the chain at random and restarting them; then kills each lock holder once more, lets
// everything settle and checks that every acknowledged write is on the chain exactly once, that the
// database matches the chain, that one sender and one indexer held the lock at any time, and that
// each killed holder was replaced within seconds.
import { parseArgs } from "node:util";
import { createProvider } from "@/lib/chain/provider";
import { buildIfNeeded } from "../stack/build";
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD } from "../stack/demo-data";
import { startEphemeralStack } from "../stack/ephemeral";
import { waitForHttp } from "../stack/processes";
import { startBalancer } from "./balancer";
import { signIn } from "./client";
import { applicationNameOf, startInstances } from "./instances";
import { watchLocks } from "./lock-watch";
import { seededRandom, startMonkey, type Victim } from "./monkey";
import { createLots, shipLots } from "./requests";
import { waitUntilSettled } from "./settle";
import { LOTS_PER_SHIPMENT, receiveWhole, shipInBatches, shipmentCountFor } from "./shipments";
import { tallyChaos } from "./tally";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "40" },
    instances: { type: "string", default: "2" },
    concurrency: { type: "string", default: "20" },
    seed: { type: "string" },
  },
});
const requested = Number(values.requests);
const instanceCount = Number(values.instances);
const concurrency = Math.min(Number(values.concurrency), requested);
const seed = Number(values.seed ?? Date.now() % 1_000_000);
const log = (line: string) => console.log(line);
const GTIN = "09506000134352";
/** A killed lock holder must be replaced within this; measured hand-overs are well under a second. */
const HAND_OVER_LIMIT_MS = 10_000;
const startedAt = Date.now();

const stack = await startEphemeralStack("chaos", log);
const { baseUrl, env, port, prepared } = stack;
await buildIfNeeded(log);
const instances = await startInstances(instanceCount, env);
const balancer = await startBalancer(port, instances.webPorts);
const locks = watchLocks(prepared.db);
const provider = createProvider(stack.rpcUrl, prepared.chainId);
const handOvers: { lock: string; ms: number; from: string; to: string }[] = [];
const measuring: Promise<unknown>[] = [];

/** SIGKILLs a part; when it held the sender or indexer lock, measures how soon another took it. */
async function killPart(name: string): Promise<void> {
  const lock = name.startsWith("sender") ? "sender" : name.startsWith("indexer") ? "indexer" : null;
  const wasHolder = lock !== null && locks.holderOf(lock) === applicationNameOf(name);
  // A hand-over needs a standby ready to take the lock (not one still starting after its own kill).
  const hasStandby = lock !== null && locks.standbysOf(lock).length > 0;
  const killedAt = Date.now();
  await instances.kill(name);
  if (!lock || !wasHolder || !hasStandby) return;
  measuring.push(
    locks
      .nextHolder(lock, killedAt, applicationNameOf(name), 60_000)
      .then(({ holder, at }) =>
        handOvers.push({ lock, ms: at - killedAt, from: name, to: holder }),
      ),
  );
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting after ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let exitCode = 1;
try {
  await Promise.all(
    instances.webPorts.map((p) => waitForHttp(`http://127.0.0.1:${p}/sign-in`, 180_000)),
  );
  const farm = DEMO_ORGANIZATIONS.find((o) => o.kind === "FARM");
  const carrier = DEMO_ORGANIZATIONS.find((o) => o.kind === "CARRIER");
  const cookie = await signIn(baseUrl, farm?.user.email as string, DEMO_PASSWORD);

  // The lots to ship, recorded before the chaos starts.
  const lotIds = await createLots(baseUrl, cookie, {
    gtin: GTIN,
    count: requested,
    seed,
    concurrency,
  });
  await waitUntilSettled(prepared.db, provider, prepared.chainId, 180_000);
  log(
    `chaos: ${requested} lots recorded; shipping them ${concurrency} at a time through ${instanceCount} instances while killing parts (seed ${seed})`,
  );

  const victims: Victim[] = [
    ...instances.names.map((name) => ({
      name,
      kill: () => killPart(name),
      restart: async () => instances.restart(name),
      isUp: () => instances.isUp(name),
    })),
    { name: "chain", kill: () => stack.killChain(), restart: () => stack.startChain() },
  ];
  const random = seededRandom(seed);
  const stopMonkey = startMonkey(victims, random, log);
  // Spread so that the chaos lasts ~requests × 0.25 s, and at least 30 s: a dozen kills or more.
  const pauseMs = Math.max(30_000, requested * 250) / Math.ceil(requested / concurrency);
  const inShipments = shipmentCountFor(requested) * LOTS_PER_SHIPMENT;
  const groups = Array.from({ length: inShipments / LOTS_PER_SHIPMENT }, (_, i) =>
    lotIds.slice(i * LOTS_PER_SHIPMENT, (i + 1) * LOTS_PER_SHIPMENT),
  );
  const recipientGln = carrier?.gln as string;
  const [shipped, shipments] = await Promise.all([
    shipLots(baseUrl, cookie, lotIds.slice(inShipments), {
      recipientGln,
      concurrency,
      pauseMs,
      random: seededRandom(seed + 1),
      log,
    }),
    shipInBatches(baseUrl, cookie, groups, {
      recipientGln,
      pauseMs,
      random: seededRandom(seed + 2),
      log,
    }),
  ]);
  // A handoff whose answer was lost is in the outbox all the same: it must land exactly once too.
  const earlierTries = await prepared.db.ledgerTransaction.findMany({
    where: { method: "handoff", lotId: { in: shipped.answerLost } },
    select: { id: true },
  });
  const acknowledged = [...shipped.acknowledged, ...earlierTries.map((write) => write.id)];
  if (earlierTries.length < shipped.answerLost.length)
    log(`chaos: ${shipped.answerLost.length - earlierTries.length} refused handoffs have no write`);
  const kills = await stopMonkey();
  log(
    `chaos: kills ${JSON.stringify(kills)}; killing each lock holder once more, then letting everything settle`,
  );
  for (const lock of instanceCount > 1 ? (["sender", "indexer"] as const) : []) {
    await until(() => locks.holderOf(lock) !== null && locks.standbysOf(lock).length > 0, 120_000);
    const holder = (locks.holderOf(lock) as string).replace(/^lotledger /, "");
    await killPart(holder);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    instances.restart(holder);
  }
  await Promise.all(measuring);
  await waitUntilSettled(prepared.db, provider, prepared.chainId, 240_000);
  // The carrier receives each shipment whole: one acceptShipment write, expanded per lot by the indexer.
  const carrierCookie = await signIn(baseUrl, carrier?.user.email as string, DEMO_PASSWORD);
  const receipts = await receiveWhole(baseUrl, carrierCookie, shipments.references, log);
  await waitUntilSettled(prepared.db, provider, prepared.chainId, 240_000);

  const tally = await tallyChaos({
    db: prepared.db,
    provider,
    chainId: prepared.chainId,
    contractAddress: prepared.contractAddress,
    startBlock: prepared.deploymentBlock,
    acknowledgedWriteIds: acknowledged,
    createdLotIds: lotIds,
    batchWriteIds: [...shipments.acknowledged, ...receipts],
  });
  for (const line of tally.details) log(line);
  const most = locks.mostHolders();
  for (const h of handOvers)
    log(`chaos: ${h.from} held the ${h.lock} lock when killed; "${h.to}" took it ${h.ms} ms later`);
  const slowest = Math.max(0, ...handOvers.map((h) => h.ms));
  const handedOver = new Set(handOvers.map((h) => h.lock));
  log(
    `chaos: ${instanceCount} instances, ${requested} lots, ${requested - inShipments} handoffs and ${groups.length} shipments of ${LOTS_PER_SHIPMENT} lots requested, ${acknowledged.length} handoffs, ${shipments.acknowledged.length} shipments and ${receipts.length} whole receipts acknowledged (${shipped.answerLost.length} of them on a retry whose first answer was lost), ${tally.retriesRefused} second tries refused by the ledger, ${tally.missing} missing, ${tally.duplicated} duplicated, ${tally.changed} changed, ${tally.quarantined} quarantined; at most ${most.sender} sender and ${most.indexer} indexer held the lock at once; ${handOvers.length} hand-overs, the slowest ${slowest} ms; ${Math.round((Date.now() - startedAt) / 1000)} s`,
  );
  const isSound = tally.missing + tally.duplicated + tally.changed + tally.quarantined === 0;
  const areLocksSound =
    most.sender <= 1 &&
    most.indexer <= 1 &&
    slowest <= HAND_OVER_LIMIT_MS &&
    (instanceCount < 2 || handedOver.size === 2);
  const areShipmentsAcknowledged =
    shipments.acknowledged.length === groups.length && receipts.length === groups.length;
  exitCode =
    isSound && areLocksSound && areShipmentsAcknowledged && acknowledged.length > 0 ? 0 : 1;
} finally {
  await locks.stop();
  provider.destroy();
  await instances.stopAll();
  await balancer.close();
  await stack.stop();
}
process.exit(exitCode);
