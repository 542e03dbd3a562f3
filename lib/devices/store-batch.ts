import "server-only";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { type ReadingBatch, readingBatchStruct } from "@/lib/chain/reading-batch";
import { type AnchoredReading, insertReadings } from "@/lib/cold-chain";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { readingTimeText } from "./batch-checks";
import type { BatchLot, SigningDevice } from "./batch-device";
import type { DeviceBatchMessage } from "./batch-message";
import type { IngestedBatch } from "./ingest-batch";

/** The ReadingBatch struct as the outbox stores a call's arguments: numbers as decimal strings. */
function storedStructOf(batch: ReadingBatch) {
  const struct = readingBatchStruct(batch);
  return Object.fromEntries(
    Object.entries(struct).map(([key, value]) => [key, String(value)]),
  ) as Record<keyof typeof struct, string>;
}

/**
 * Stores a checked batch in one transaction: the device's last sequence (raised only if still
 * below, so two copies of one batch racing cannot both pass), the anchorDeviceReadings write in the
 * outbox for the device organisation's signer, the DeviceBatch and its readings. A reading the device
 * already reported for the lot rolls it all back with a sentence naming it.
 */
export async function storeDeviceBatch(
  db: Db,
  {
    lot,
    device,
    parsed,
    anchored,
  }: {
    lot: BatchLot;
    device: SigningDevice;
    parsed: DeviceBatchMessage;
    anchored: readonly AnchoredReading[];
  },
): Promise<IngestedBatch> {
  const { batch, signature, readings } = parsed;
  return db.$transaction(
    async (tx) => {
      const raised = await tx.device.updateMany({
        where: { id: device.id, lastSequence: { lt: batch.sequence } },
        data: { lastSequence: batch.sequence },
      });
      if (raised.count === 0) {
        const { lastSequence } = await tx.device.findUniqueOrThrow({ where: { id: device.id } });
        assertSequenceAbove(batch.sequence, { name: device.name, lastSequence });
      }
      const { id: writeId } = await insertLedgerTransaction(tx, {
        method: "anchorDeviceReadings",
        args: [storedStructOf(batch), signature],
        organizationId: device.organization.id,
        signerAddress: device.organization.chainAddress,
        lotId: lot.id,
      });
      const { id: batchId } = await tx.deviceBatch.create({
        data: {
          chainId: lot.chainId,
          deviceId: device.id,
          lotId: lot.id,
          sequence: batch.sequence,
          readingsRoot: batch.readingsRoot.toLowerCase(),
          readingCount: batch.readingCount,
          firstReadingAt: new Date(batch.firstReadingAt * 1000),
          lastReadingAt: new Date(batch.lastReadingAt * 1000),
          minMilliCelsius: batch.minMilliCelsius,
          maxMilliCelsius: batch.maxMilliCelsius,
          minutesOutsideRange: batch.minutesOutsideRange,
          signature,
          ledgerTransactionId: writeId,
        },
        select: { id: true },
      });
      const written = await insertReadings(tx, {
        lotId: lot.id,
        ledgerTransactionId: writeId,
        recordedById: device.id,
        deviceId: device.id,
        locationGln: null,
        readings: anchored,
      });
      if (written < anchored.length)
        await refuseStoredReading(tx, { lot, device, writeId, parsed });
      return { batchId, readingCount: readings.length, writeId, lotId: lot.id };
    },
    // 10,000 rows and their Merkle tree take well under a second, but a busy machine is slower.
    { timeout: 30_000 },
  );
}

/** Names the first reading the device had already reported for the lot before this batch. */
async function refuseStoredReading(
  tx: Tx,
  {
    lot,
    device,
    writeId,
    parsed,
  }: { lot: BatchLot; device: SigningDevice; writeId: string; parsed: DeviceBatchMessage },
): Promise<never> {
  const stored = await tx.temperatureReading.findMany({
    where: {
      deviceId: device.id,
      lotId: lot.id,
      ledgerTransactionId: { not: writeId },
      takenAt: { in: parsed.readings.map((r) => new Date(r.t * 1000)) },
    },
    select: { takenAt: true },
  });
  const times = new Set(stored.map((row) => row.takenAt.getTime() / 1000));
  const index = parsed.readings.findIndex((r) => times.has(r.t));
  const at = readingTimeText(parsed.readings[index]?.t ?? 0);
  throw new AppError(
    "CONFLICT",
    `Reading ${index + 1} at ${at} is already stored for ${device.name} and lot ${lot.lotCode}: send each reading once, in one batch.`,
  );
}

/** Batches are numbered by the device, strictly increasing, as the contract checks. */
export function assertSequenceAbove(
  sequence: number,
  device: { name: string; lastSequence: number },
): void {
  if (sequence > device.lastSequence) return;
  throw new AppError(
    "INVALID_INPUT",
    `The batch's sequence ${sequence} is not above ${device.name}'s last accepted batch (${device.lastSequence}): number each batch above the last one.`,
  );
}
