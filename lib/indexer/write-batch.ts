import type { Tx } from "@/lib/db/client";
import { INDEXED_CHANNEL } from "@/lib/db/notify";
import { applyLedgerEvents } from "./apply-batch";
import type { DecodedLog, RejectedLog } from "./decode";
import { expandBatchLogs, isWholeAnswer } from "./expand-batch";
import { quarantineEvents } from "./quarantine";
import { screenEvents } from "./screen";
import { writeColdChain } from "./write-cold-chain";
import { writeLogistics } from "./write-logistics";
import { insertLedgerEvents } from "./write-rows";

export type Batch = {
  chainId: number;
  events: readonly DecodedLog[];
  /** Logs of the batch that did not decode. */
  undecodable: readonly RejectedLog[];
  toBlock: number;
  toBlockHash: string;
};

/**
 * Writes one batch in the caller's transaction: the events and the lots they change, the events it
 * cannot apply to quarantine, and the checkpoint. Screening catches the bad events we know of; should
 * the database still refuse the batch (a constraint or a value nobody foresaw), it is written again
 * one event at a time, each behind a savepoint, and the events it refuses are quarantined with the
 * database's reason: one bad event never stops the indexer. Returns how many were quarantined.
 */
export async function writeBatch(tx: Tx, batch: Batch): Promise<number> {
  const { chainId, toBlock, toBlockHash } = batch;
  const { accepted, rejected } = await screenEvents(tx, batch.events);
  await tx.$executeRawUnsafe("SAVEPOINT indexer_batch");
  try {
    rejected.push(...(await writeEvents(tx, chainId, accepted)));
  } catch (error) {
    if (!isRefusedByDatabase(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT indexer_batch");
    rejected.push(...(await writeOneByOne(tx, chainId, accepted)));
  }
  const quarantined = [...batch.undecodable, ...rejected];
  await quarantineEvents(tx, chainId, quarantined);
  await tx.indexerCheckpoint.upsert({
    where: { chainId },
    create: { chainId, blockNumber: toBlock, blockHash: toBlockHash },
    update: { blockNumber: toBlock, blockHash: toBlockHash },
  });
  // Sent on commit, with the checkpoint: a page waiting for a write's block reads it at once
  // (channel ledger_indexed, docs/ledger-sync.md).
  await tx.$executeRaw`SELECT pg_notify(${INDEXED_CHANNEL}, ${String(toBlock)})`;
  return quarantined.length;
}

/**
 * Writes events: batch logs expanded into per-lot rows, the lots they change, the shipments and
 * logistic units they open or close, and the devices, storage rules and holds of the cold chain. Returns the events it cannot expand, for quarantine.
 */
async function writeEvents(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<RejectedLog[]> {
  const { expanded, applied, rejected } = expandBatchLogs(
    events,
    await shipmentLotsAnswered(tx, chainId, events),
  );
  await insertLedgerEvents(tx, chainId, expanded);
  await applyLedgerEvents(tx, chainId, expanded);
  await writeLogistics(tx, chainId, applied);
  await writeColdChain(tx, chainId, applied);
  return rejected;
}

/** The lots of the shipments that `events` answer whole, as the read model holds them. */
async function shipmentLotsAnswered(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<Map<string, string[]>> {
  const numbers = events.filter(isWholeAnswer).map((event) => Number(event.args.shipment));
  if (numbers.length === 0) return new Map();
  const shipments = await tx.shipment.findMany({
    where: { chainId, number: { in: [...new Set(numbers)] } },
    select: { number: true, lotIds: true },
  });
  return new Map(shipments.map((shipment) => [String(shipment.number), shipment.lotIds]));
}

async function writeOneByOne(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<RejectedLog[]> {
  const refused: RejectedLog[] = [];
  for (const event of events) {
    await tx.$executeRawUnsafe("SAVEPOINT indexer_event");
    try {
      refused.push(...(await writeEvents(tx, chainId, [event])));
      await tx.$executeRawUnsafe("RELEASE SAVEPOINT indexer_event");
    } catch (error) {
      if (!isRefusedByDatabase(error)) throw error;
      await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT indexer_event");
      const lotId = typeof event.args.lotId === "string" ? event.args.lotId : null;
      refused.push({
        ...event,
        lotId,
        reason: `the database refused it: ${databaseReason(error)}`,
      });
    }
  }
  return refused;
}

type DriverCause = { originalCode?: string; originalMessage?: string };

function driverCauseOf(error: unknown): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  return meta?.driverAdapterError?.cause;
}

/**
 * True when PostgreSQL refused the data itself (SQLSTATE class 22, data exception, or 23, integrity
 * constraint violation): the same statement would fail again, so retrying cannot help. A lost
 * connection or a timeout is not such a refusal: the batch is retried whole.
 */
export function isRefusedByDatabase(error: unknown): boolean {
  const code = driverCauseOf(error)?.originalCode ?? "";
  return /^2[23]/.test(code);
}

function databaseReason(error: unknown): string {
  const cause = driverCauseOf(error);
  return `${cause?.originalMessage ?? "unknown"} (SQLSTATE ${cause?.originalCode ?? "?"})`;
}
