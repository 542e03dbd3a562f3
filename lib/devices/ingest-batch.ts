import "server-only";
import { lotIdOf } from "@/lib/chain/lot-id";
import { raiseColdChainAlerts } from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertWithinAttachments, findAttachmentWindows } from "./attachment-window";
import {
  anchoredReadingsOf,
  assertBatchMatchesReadings,
  assertPlausibleReadings,
} from "./batch-checks";
import { type BatchLot, findSigningDevice } from "./batch-device";
import { parseBatchMessage } from "./batch-message";
import { storageRangeOfGtin } from "./storage-range";
import { assertSequenceAbove, storeDeviceBatch } from "./store-batch";

export type IngestedBatch = {
  batchId: string;
  readingCount: number;
  writeId: string;
  lotId: string;
};

/**
 * Takes one signed batch from a data logger (MQTT or HTTPS, the same message): checks it as the
 * contract will and more (docs/devices.md lists every refusal), then stores the batch, its readings,
 * the device's last sequence and the anchorDeviceReadings write, signed by the device organisation's
 * key, in one transaction. A refusal is one sentence (AppError) and stores nothing.
 * `deviceAddress`: the device the topic or URL names; `organizationId`: over HTTPS, the API key's
 * organisation, which must own the device.
 */
export async function ingestDeviceBatch({
  db,
  message,
  via,
  deviceAddress,
  organizationId,
  now = new Date(),
}: {
  db: Db;
  message: unknown;
  via: "mqtt" | "https";
  deviceAddress?: string;
  organizationId?: string;
  now?: Date;
}): Promise<IngestedBatch> {
  const parsed = parseBatchMessage(message);
  const { batch, readings } = parsed;
  const lot = await findBatchLot(db, batch.gtin, batch.lotCode);
  const device = await findSigningDevice(db, { message: parsed, lot, claimed: deviceAddress, via });
  if (organizationId && device.organization.id !== organizationId) {
    throw new AppError(
      "FORBIDDEN",
      `Device ${device.address} is not one of your organisation's devices: send its batches with an API key of ${device.organization.name}.`,
    );
  }
  // MQTT's QoS 1 delivers at least once, and a logger publishes again when no reply came: the same
  // signed batch, already stored, is answered as it was the first time, and nothing is stored twice.
  const stored = await db.deviceBatch.findUnique({
    where: { deviceId_sequence: { deviceId: device.id, sequence: batch.sequence } },
    select: {
      id: true,
      readingCount: true,
      ledgerTransactionId: true,
      lotId: true,
      signature: true,
    },
  });
  if (stored && stored.signature.toLowerCase() === parsed.signature.toLowerCase()) {
    const { id: batchId, readingCount, ledgerTransactionId: writeId, lotId } = stored;
    return { batchId, readingCount, writeId, lotId };
  }
  assertPlausibleReadings(readings, now);
  const anchored = anchoredReadingsOf(readings, device.address);
  const range = await storageRangeOfGtin(db, { chainId: lot.chainId, gtin: batch.gtin });
  assertBatchMatchesReadings(batch, anchored, { lotId: lot.id, readings, range });
  assertSequenceAbove(batch.sequence, device);
  const windows = await findAttachmentWindows(db, { deviceId: device.id, lotId: lot.id });
  assertWithinAttachments(windows, readings, { device: device.name, lotCode: lot.lotCode });
  const result = await storeDeviceBatch(db, { lot, device, parsed, anchored });
  // Once stored, the batch's readings join the lot's runs outside its range: one alert per excursion.
  await raiseColdChainAlerts({ db, lotId: lot.id });
  return result;
}

/** The lot the batch names, on the ledger and not consumed: the contract tracks only goods in hand. */
async function findBatchLot(db: Db, gtin: string, lotCode: string): Promise<BatchLot> {
  const lot = await db.lot.findUnique({
    where: { id: lotIdOf(gtin, lotCode) },
    select: {
      id: true,
      chainId: true,
      lotCode: true,
      status: true,
      custodian: true,
      recipient: true,
    },
  });
  if (!lot) {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lotCode} of GTIN ${gtin} is not on the ledger: check the lot the logger was given.`,
    );
  }
  if (lot.status === "CONSUMED") {
    throw new AppError(
      "INVALID_INPUT",
      `Lot ${lotCode} is consumed, so it takes no more readings: attach the logger to the lot made from it.`,
    );
  }
  return lot;
}
