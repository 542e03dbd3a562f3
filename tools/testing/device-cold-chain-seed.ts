import { randomBytes } from "node:crypto";
import { hexlify, type Signer, Wallet } from "ethers";
import { type ReadingBatch, readingBatchDomain, signReadingBatch } from "@/lib/chain/reading-batch";
import { readingsRootOf } from "@/lib/cold-chain/reading-leaf";
import type { Db } from "@/lib/db/client";

// The rows a data logger's signed batch and the storage rule's hold leave in the read model, written
// straight into the tables (with a real EIP-712 signature) for the page tests and the screenshots,
// until lib/devices' ingestion and lib/holds can seed them the way the app does.

const randomHash = () => hexlify(randomBytes(32));

/** A registered device of an organisation, with its key. */
export async function seedDevice(
  db: Db,
  options: {
    chainId: number;
    organizationId: string;
    name: string;
    status?: "ACTIVE" | "PENDING" | "REVOKED";
  },
) {
  const wallet = Wallet.createRandom();
  const device = await db.device.create({
    data: {
      chainId: options.chainId,
      address: wallet.address.toLowerCase(),
      organizationId: options.organizationId,
      name: options.name,
      status: options.status ?? "ACTIVE",
    },
  });
  return { device, wallet };
}

/**
 * A signed batch of readings (one a minute from `startAt`) and the readings themselves. `signer`
 * another key than the device's, or `storedCelsius` other readings than those signed, make a batch
 * whose checks fail; `anchoredBlock` null leaves it off the ledger.
 */
export async function seedDeviceBatch(
  db: Db,
  options: {
    lot: { id: string; gtin: string; lotCode: string };
    device: { id: string; address: string; chainId: number };
    wallet: Signer;
    contract: string;
    sequence: number;
    startAt: Date;
    celsius: number[];
    range: { minCelsius: number; maxCelsius: number };
    signer?: Signer;
    storedCelsius?: number[];
    anchoredBlock?: number | null;
  },
) {
  const { lot, device, startAt } = options;
  const reading = (celsius: number, i: number) => ({
    takenAt: new Date(startAt.getTime() + i * 60_000),
    milliCelsius: Math.round(celsius * 1000),
    sensorId: device.address,
  });
  const signedReadings = options.celsius.map(reading);
  const milli = signedReadings.map((r) => r.milliCelsius);
  const outside = options.celsius.filter(
    (c) => c < options.range.minCelsius || c > options.range.maxCelsius,
  ).length;
  const batch: ReadingBatch = {
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    readingsRoot: readingsRootOf(lot.id, signedReadings),
    readingCount: signedReadings.length,
    sequence: options.sequence,
    firstReadingAt: Math.floor(startAt.getTime() / 1000),
    lastReadingAt: Math.floor((signedReadings.at(-1)?.takenAt ?? startAt).getTime() / 1000),
    minMilliCelsius: Math.min(...milli),
    maxMilliCelsius: Math.max(...milli),
    minutesOutsideRange: outside,
  };
  const domain = readingBatchDomain(device.chainId, options.contract);
  const signature = await signReadingBatch(options.signer ?? options.wallet, domain, batch);
  const ledgerTransactionId = `seeded-${randomHash().slice(2, 18)}`;
  const anchoredBlock = options.anchoredBlock === undefined ? 1 : options.anchoredBlock;
  const stored = (options.storedCelsius ?? options.celsius).map(reading);
  await db.temperatureReading.createMany({
    data: stored.map((r) => ({
      lotId: lot.id,
      ledgerTransactionId,
      takenAt: r.takenAt,
      celsius: r.milliCelsius / 1000,
      sensorId: device.address,
      deviceId: device.id,
      recordedById: "device",
    })),
  });
  return db.deviceBatch.create({
    data: {
      chainId: device.chainId,
      deviceId: device.id,
      lotId: lot.id,
      sequence: batch.sequence,
      readingsRoot: batch.readingsRoot,
      readingCount: batch.readingCount,
      firstReadingAt: new Date(batch.firstReadingAt * 1000),
      lastReadingAt: new Date(batch.lastReadingAt * 1000),
      minMilliCelsius: batch.minMilliCelsius,
      maxMilliCelsius: batch.maxMilliCelsius,
      minutesOutsideRange: batch.minutesOutsideRange,
      signature,
      ledgerTransactionId,
      anchoredTxHash: anchoredBlock === null ? null : randomHash(),
      anchoredBlock,
    },
  });
}

/** The rule's hold of a lot as the indexer records LotHeld (and LotReleased, with its reason). */
export async function seedLotHold(
  db: Db,
  options: {
    chainId: number;
    lotId: string;
    deviceAddress: string;
    heldAt: Date;
    excursionMinutes: number;
    minCelsius: number;
    maxCelsius: number;
    release?: { by: string; at: Date; reason: string };
  },
) {
  const reasonHash = options.release ? randomHash() : null;
  if (options.release && reasonHash) {
    await db.eventPayload.create({
      data: { hash: reasonHash, body: { reason: options.release.reason } },
    });
  }
  await db.lot.update({ where: { id: options.lotId }, data: { isOnHold: !options.release } });
  return db.lotHold.create({
    data: {
      chainId: options.chainId,
      lotId: options.lotId,
      deviceAddress: options.deviceAddress,
      readingsRoot: randomHash(),
      minMilliCelsius: Math.round(options.minCelsius * 1000),
      maxMilliCelsius: Math.round(options.maxCelsius * 1000),
      excursionMinutes: options.excursionMinutes,
      heldTxHash: randomHash(),
      heldLogIndex: 0,
      heldBlock: 1,
      heldAt: options.heldAt,
      releasedBy: options.release?.by ?? null,
      releaseReasonHash: reasonHash,
      releasedTxHash: options.release ? randomHash() : null,
      releasedAt: options.release?.at ?? null,
    },
  });
}
