import "server-only";
import type { Db } from "@/lib/db/client";
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
};

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
    return {
      txHash: event.txHash,
      blockNumber: event.blockNumber,
      recordedBy: nameOf.get(event.actor) ?? `account ${event.actor.slice(0, 10)}…`,
      count,
      minCelsius: milli.length > 0 ? Math.min(...milli) / 1000 : null,
      maxCelsius: milli.length > 0 ? Math.max(...milli) / 1000 : null,
      firstAt: readings[0]?.takenAt.toISOString() ?? null,
      lastAt: readings.at(-1)?.takenAt.toISOString() ?? null,
      readings: downsampleReadings(
        readings.map((r) => ({
          at: r.takenAt.toISOString(),
          celsius: r.milliCelsius / 1000,
          sensorId: r.sensorId,
        })),
      ),
      isVerified:
        readings.length === count &&
        count > 0 &&
        readingsRootOf(lotId, readings) === args.merkleRoot,
    };
  });
}

/** °C as a person reads it: up to 3 decimals, no trailing zeros. */
export const celsiusText = (value: number) => `${Number(value.toFixed(3))}`;

/** The one sentence a shopper or a driver reads about a batch: the range its readings stayed in. */
export function rangeSentence(batch: ColdChainBatch): string {
  if (batch.minCelsius === null || batch.maxCelsius === null) {
    return `The ledger holds ${batch.count} readings that LotLedger no longer has`;
  }
  return batch.minCelsius === batch.maxCelsius
    ? `Kept at ${celsiusText(batch.minCelsius)} °C`
    : `Kept between ${celsiusText(batch.minCelsius)} and ${celsiusText(batch.maxCelsius)} °C`;
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

/** A reading as a chart draws it. */
export type ChartPoint = { at: string; celsius: number; sensorId: string | null };

/** Points a phone-sized chart can show; more only thicken the line. */
export const CHART_POINTS = 240;

/**
 * At most `max` points of time-ordered readings for display: each of max/2 equal runs keeps its
 * lowest and highest reading, in time order, so a short excursion still shows on the chart.
 */
export function downsampleReadings<T extends ChartPoint>(
  readings: readonly T[],
  max = CHART_POINTS,
): T[] {
  if (readings.length <= max) return [...readings];
  const runs = Math.floor(max / 2);
  const points: T[] = [];
  for (let run = 0; run < runs; run++) {
    const slice = readings.slice(
      Math.floor((run * readings.length) / runs),
      Math.floor(((run + 1) * readings.length) / runs),
    );
    let [low, high] = [0, 0];
    slice.forEach((reading, i) => {
      if (reading.celsius < (slice[low] as T).celsius) low = i;
      if (reading.celsius > (slice[high] as T).celsius) high = i;
    });
    for (const i of low === high ? [low] : [Math.min(low, high), Math.max(low, high)]) {
      points.push(slice[i] as T);
    }
  }
  return points;
}
