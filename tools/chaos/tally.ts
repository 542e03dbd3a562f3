import { LotTracker__factory } from "@/lib/chain/generated";
import type { NodeProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { verifyLedger } from "@/lib/indexer/verify";

export type Tally = {
  missing: number;
  duplicated: number;
  changed: number;
  quarantined: number;
  /** Second tries of a handoff already queued, which the ledger refused as it should. */
  retriesRefused: number;
  details: string[];
};

/**
 * Compares what the app acknowledged with what the chain holds, and the database with the chain:
 * an acknowledged lot creation without its LotCreated event, or a lot asked to be handed off with no
 * LotHandedOff event (or ShipmentHandedOff listing it), is missing; one there twice is duplicated; a
 * shipment or its receipt whose write is not on the chain exactly once too; verifyLedger's missing,
 * extra and changed events (batch logs expanded per lot), tampered payloads and quarantined events count too.
 */
export async function tallyChaos({
  db,
  provider,
  chainId,
  contractAddress,
  startBlock,
  acknowledgedWriteIds,
  createdLotIds,
  batchWriteIds = [],
}: {
  db: Db;
  provider: NodeProvider;
  chainId: number;
  contractAddress: string;
  startBlock: number;
  /** Handoffs the app acknowledged (202), by outbox write. */
  acknowledgedWriteIds: string[];
  /** Lots whose creation the app acknowledged (202): each must be created on the chain exactly once. */
  createdLotIds: string[];
  /** Shipments (handoffBatch) and their receipts (acceptShipment) acknowledged, sent with an Idempotency-Key. */
  batchWriteIds?: string[];
}): Promise<Tally> {
  const lotTracker = LotTracker__factory.connect(contractAddress, provider);
  const onChain = new Map<string, number>();
  const count = (key: string) => onChain.set(key, (onChain.get(key) ?? 0) + 1);
  const handoffsOfLot = new Map<string, number>();
  for (const log of await lotTracker.queryFilter(lotTracker.filters.LotHandedOff(), startBlock)) {
    count(log.args.payloadHash);
    handoffsOfLot.set(log.args.lotId, (handoffsOfLot.get(log.args.lotId) ?? 0) + 1);
  }
  for (const log of await lotTracker.queryFilter(lotTracker.filters.LotCreated(), startBlock)) {
    count(log.args.lotId);
  }
  for (const log of await lotTracker.queryFilter(
    lotTracker.filters.ShipmentHandedOff(),
    startBlock,
  )) {
    count(log.args.payloadHash);
    for (const lotId of log.args.lotIds)
      handoffsOfLot.set(lotId, (handoffsOfLot.get(lotId) ?? 0) + 1);
  }
  for (const log of await lotTracker.queryFilter(
    lotTracker.filters.ShipmentAccepted(),
    startBlock,
  )) {
    count(log.args.payloadHash);
  }
  const details: string[] = [];
  let missing = 0;
  let duplicated = 0;
  for (const lotId of createdLotIds) {
    const times = onChain.get(lotId) ?? 0;
    if (times === 0) details.push(`missing on chain: the creation of lot ${lotId}`);
    missing += times === 0 ? 1 : 0;
    duplicated += Math.max(0, times - 1);
  }

  // Counted by lot: each lot was asked to be handed off once, so it must be handed off exactly once.
  // A client that lost the answer to its first try sends the request again; when the first try was
  // already queued, the second is a write the ledger refuses — counted apart, not as missing.
  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: acknowledgedWriteIds } },
  });
  let retriesRefused = 0;
  const lotsAsked = new Set(writes.map((write) => write.lotId as string));
  for (const write of writes) {
    const times = onChain.get(write.payloadHash as string) ?? 0;
    if (times > 1) details.push(`on chain ${times} times: write ${write.id}`);
    duplicated += Math.max(0, times - 1);
    if (times === 0 && (handoffsOfLot.get(write.lotId as string) ?? 0) > 0) retriesRefused++;
  }
  for (const lotId of lotsAsked) {
    const times = handoffsOfLot.get(lotId) ?? 0;
    if (times === 0) {
      const tries = writes.filter((write) => write.lotId === lotId);
      details.push(
        `missing on chain: the handoff of lot ${lotId} (${tries.map((w) => `${w.id} ${w.status}${w.error ? `: ${w.error}` : ""}`).join("; ")})`,
      );
      missing++;
    }
    duplicated += Math.max(0, times - 1);
  }
  missing += acknowledgedWriteIds.length - writes.length;

  // Shipments and receipts: each write once on the chain; each lot shipped counted with the rest.
  const batchWrites = await db.ledgerTransaction.findMany({ where: { id: { in: batchWriteIds } } });
  for (const write of batchWrites) {
    const times = onChain.get(write.payloadHash as string) ?? 0;
    if (times !== 1)
      details.push(`on chain ${times} times: ${write.method} write ${write.id} (${write.status})`);
    missing += times === 0 ? 1 : 0;
    duplicated += Math.max(0, times - 1);
    if (write.method !== "handoffBatch") continue;
    for (const lotId of (write.args as unknown[])[0] as string[]) {
      const handoffs = handoffsOfLot.get(lotId) ?? 0;
      if (handoffs !== 1)
        details.push(`lot ${lotId} of shipment write ${write.id} handed off ${handoffs} times`);
      duplicated += Math.max(0, handoffs - 1);
    }
  }
  missing += batchWriteIds.length - batchWrites.length;

  const report = await verifyLedger({ db, provider, chainId, contractAddress, startBlock });
  details.push(
    ...report.missing,
    ...report.extra,
    ...report.changed,
    ...report.payloads,
    ...report.quarantined,
  );
  return {
    missing: missing + report.missing.length,
    duplicated: duplicated + report.extra.length,
    changed: report.changed.length + report.payloads.length,
    quarantined: report.quarantined.length,
    retriesRefused,
    details,
  };
}
