import "server-only";
import type { Db } from "@/lib/db/client";
import { findProduct, type ProductSummary } from "@/lib/products";
import { type ChartPoint, downsampleReadings } from "./downsample";
import { type Judgement, judgeReadings, type StorageRange } from "./judgement";
import { readingsRootOf } from "./reading-leaf";

/** One anchored batch of a lot's readings, as the staff and public pages show it. */
export type ColdChainBatch = {
  txHash: string;
  blockNumber: number;
  /** The organisation that recorded it (the ledger event's actor). */
  recordedBy: string;
  /** How many readings the ledger says the batch holds. */
  count: number;
  /** Null when LotLedger holds none of the batch's readings any more. */
  minCelsius: number | null;
  maxCelsius: number | null;
  firstAt: string | null;
  lastAt: string | null;
  /** The stored readings in time order, downsampled for a chart when there are many. */
  readings: ChartPoint[];
  /** The stored readings' Merkle root and count are those the ledger anchored. */
  isVerified: boolean;
  /** All the stored readings judged against the product's storage range. */
  judgement: Judgement;
};

/** The product's storage range, or null when its master data gives none. */
export function storageRangeOf(product: ProductSummary | null): StorageRange | null {
  if (product?.storageMinCelsius == null || product.storageMaxCelsius == null) return null;
  return {
    minCelsius: product.storageMinCelsius,
    maxCelsius: product.storageMaxCelsius,
    allowedExcursionMinutes: product.allowedExcursionMinutes ?? 0,
  };
}

/**
 * A lot's temperature readings, one entry per batch anchored on the ledger (LotReadingsAnchored, as
 * the indexer stored it), oldest first. A batch still waiting for the ledger is not listed. Each is
 * verified by recomputing the Merkle root over the rows of its outbox write.
 */
export async function getColdChain({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<ColdChainBatch[]> {
  const events = await db.ledgerEvent.findMany({
    where: { lotId, name: "LotReadingsAnchored" },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
    select: { txHash: true, blockNumber: true, actor: true, args: true },
  });
  if (events.length === 0) return [];
  const lot = await db.lot.findUnique({ where: { id: lotId }, select: { gtin: true } });
  const range = storageRangeOf(lot ? await findProduct(db, lot.gtin) : null);
  const [writes, organizations] = await Promise.all([
    db.ledgerTransaction.findMany({
      where: { lotId, txHash: { in: events.map((event) => event.txHash) } },
      select: { id: true, txHash: true },
    }),
    db.organization.findMany({
      where: { chainAddress: { in: events.map((event) => event.actor) } },
      select: { chainAddress: true, name: true },
    }),
  ]);
  const rows = await db.temperatureReading.findMany({
    where: { lotId, ledgerTransactionId: { in: writes.map((write) => write.id) } },
    orderBy: [{ takenAt: "asc" }, { sensorId: "asc" }],
    select: { ledgerTransactionId: true, takenAt: true, celsius: true, sensorId: true },
  });
  const writeOf = new Map(writes.map((write) => [write.txHash, write.id]));
  const rowsOf = new Map<string, typeof rows>();
  for (const row of rows) {
    const batch = rowsOf.get(row.ledgerTransactionId);
    if (batch) batch.push(row);
    else rowsOf.set(row.ledgerTransactionId, [row]);
  }
  const nameOf = new Map(organizations.map((o) => [o.chainAddress, o.name]));
  return events.map((event) => {
    const args = event.args as { merkleRoot?: string; readingCount?: string };
    const readings = (rowsOf.get(writeOf.get(event.txHash) ?? "") ?? []).map((row) => ({
      takenAt: row.takenAt,
      milliCelsius: Math.round(Number(row.celsius) * 1000),
      sensorId: row.sensorId,
    }));
    const milli = readings.map((r) => r.milliCelsius);
    const count = Number(args.readingCount ?? 0);
    const points: ChartPoint[] = readings.map((r) => ({
      at: r.takenAt.toISOString(),
      celsius: r.milliCelsius / 1000,
      sensorId: r.sensorId,
    }));
    return {
      txHash: event.txHash,
      blockNumber: event.blockNumber,
      recordedBy: nameOf.get(event.actor) ?? `account ${event.actor.slice(0, 10)}…`,
      count,
      minCelsius: milli.length > 0 ? Math.min(...milli) / 1000 : null,
      maxCelsius: milli.length > 0 ? Math.max(...milli) / 1000 : null,
      firstAt: readings[0]?.takenAt.toISOString() ?? null,
      lastAt: readings.at(-1)?.takenAt.toISOString() ?? null,
      readings: downsampleReadings(points),
      isVerified:
        readings.length === count &&
        count > 0 &&
        readingsRootOf(lotId, readings) === args.merkleRoot,
      judgement: judgeReadings(points, range, count),
    };
  });
}

/**
 * The one sentence a shopper or a driver reads about a batch: kept within the product's range, how
 * long it was outside it, or that the product has no range to judge it by (judgeReadings).
 */
export function rangeSentence(batch: ColdChainBatch): string {
  return batch.judgement.sentence;
}

/**
 * A trail entry's verdict, knowing the lot's readings: LotReadingsAnchored carries a Merkle root, not
 * a payload hash, so it is verified when its batch's stored readings still lead to that root.
 */
export function withReadingsVerdict(batches: readonly ColdChainBatch[]) {
  const verified = new Set(batches.filter((b) => b.isVerified).map((b) => b.txHash));
  return <T extends { name: string; txHash: string; isVerified: boolean }>(entry: T): T =>
    entry.name === "LotReadingsAnchored"
      ? { ...entry, isVerified: verified.has(entry.txHash) }
      : entry;
}
