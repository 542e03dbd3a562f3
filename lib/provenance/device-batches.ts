import "server-only";
import { readingBatchDomain, readingBatchSigner } from "@/lib/chain/reading-batch";
import {
  type ChartPoint,
  downsampleReadings,
  type Judgement,
  judgeReadings,
  type StorageRange,
  storageRangeOf,
} from "@/lib/cold-chain";
import { readingsRootOf } from "@/lib/cold-chain/reading-leaf";
import type { Db } from "@/lib/db/client";
import { findProduct } from "@/lib/products";

// A stand-in for lib/devices' getDeviceBatches (issue 19, written in parallel): the same shape, read
// straight from the tables, so the consumer page can show device batches before it lands. At the
// merge, getProvenance calls getDeviceBatches and this file goes.

/** A batch of readings as its device signed it, for the cold-chain section of a lot's pages. */
export type DeviceBatchView = {
  id: string;
  device: { name: string; organization: string; address: string };
  count: number;
  minCelsius: number | null;
  maxCelsius: number | null;
  firstAt: string | null;
  lastAt: string | null;
  readings: ChartPoint[];
  judgement: Judgement;
  /** The device's EIP-712 signature recovers the device's own address. */
  isSignatureVerified: boolean;
  /** The stored readings lead to the signed Merkle root, and are as many as signed. */
  isRootVerified: boolean;
  /** DeviceReadingsAnchored put the signed root on the ledger (the indexer filled its block). */
  isAnchored: boolean;
  anchoredTxHash: string | null;
  anchoredBlock: number | null;
};

/** A lot's device batches, oldest first, each checked against its signature and its anchored root. */
export async function findDeviceBatches({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<DeviceBatchView[]> {
  const batches = await db.deviceBatch.findMany({
    where: { lotId },
    orderBy: [{ firstReadingAt: "asc" }, { sequence: "asc" }],
  });
  const first = batches[0];
  if (!first) return [];
  const [lot, devices, deployment, readings] = await Promise.all([
    db.lot.findUnique({ where: { id: lotId }, select: { gtin: true, lotCode: true } }),
    db.device.findMany({ where: { id: { in: batches.map((b) => b.deviceId) } } }),
    db.contractDeployment.findUnique({ where: { chainId: first.chainId } }),
    db.temperatureReading.findMany({
      where: { lotId, ledgerTransactionId: { in: batches.map((b) => b.ledgerTransactionId) } },
      orderBy: { takenAt: "asc" },
      select: { ledgerTransactionId: true, takenAt: true, celsius: true },
    }),
  ]);
  if (!lot) return [];
  const [organizations, range] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: devices.map((d) => d.organizationId) } },
      select: { id: true, name: true },
    }),
    ruleOrProductRange(db, first.chainId, lot.gtin),
  ]);
  const deviceOf = new Map(devices.map((d) => [d.id, d]));
  const organizationOf = new Map(organizations.map((o) => [o.id, o.name]));
  return batches.map((batch) => {
    const device = deviceOf.get(batch.deviceId);
    const address = device?.address ?? "";
    const rows = readings.filter((r) => r.ledgerTransactionId === batch.ledgerTransactionId);
    const anchored = rows.map((r) => ({
      takenAt: r.takenAt,
      milliCelsius: Math.round(Number(r.celsius) * 1000),
      sensorId: address,
    }));
    const points = anchored.map((r) => ({
      at: r.takenAt.toISOString(),
      celsius: r.milliCelsius / 1000,
      sensorId: address,
    }));
    const milli = anchored.map((r) => r.milliCelsius);
    const signed = {
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      readingsRoot: batch.readingsRoot,
      readingCount: batch.readingCount,
      sequence: batch.sequence,
      firstReadingAt: Math.floor(batch.firstReadingAt.getTime() / 1000),
      lastReadingAt: Math.floor(batch.lastReadingAt.getTime() / 1000),
      minMilliCelsius: batch.minMilliCelsius,
      maxMilliCelsius: batch.maxMilliCelsius,
      minutesOutsideRange: batch.minutesOutsideRange,
    };
    return {
      id: batch.id,
      device: {
        name: device?.name ?? "an unknown device",
        organization: organizationOf.get(device?.organizationId ?? "") ?? "an unknown organisation",
        address,
      },
      count: batch.readingCount,
      minCelsius: milli.length > 0 ? Math.min(...milli) / 1000 : null,
      maxCelsius: milli.length > 0 ? Math.max(...milli) / 1000 : null,
      firstAt: points[0]?.at ?? null,
      lastAt: points.at(-1)?.at ?? null,
      readings: downsampleReadings(points),
      judgement: judgeReadings(points, range, batch.readingCount),
      isSignatureVerified:
        deployment !== null &&
        device !== undefined &&
        signerOf(deployment, signed, batch) === address,
      isRootVerified:
        anchored.length === batch.readingCount &&
        anchored.length > 0 &&
        readingsRootOf(lotId, anchored) === batch.readingsRoot,
      isAnchored: batch.anchoredBlock !== null,
      anchoredTxHash: batch.anchoredTxHash,
      anchoredBlock: batch.anchoredBlock,
    };
  });
}

/** The recovered signer, lower-case; "" for a signature that does not even parse. */
function signerOf(
  deployment: { chainId: number; address: string },
  signed: Parameters<typeof readingBatchSigner>[1],
  batch: { signature: string },
): string {
  try {
    const domain = readingBatchDomain(deployment.chainId, deployment.address);
    return readingBatchSigner(domain, signed, batch.signature).toLowerCase();
  } catch {
    return "";
  }
}

/** The GTIN's rule as the chain holds it, else the product's master data. */
async function ruleOrProductRange(
  db: Db,
  chainId: number,
  gtin: string,
): Promise<StorageRange | null> {
  const rule = await db.storageRule.findUnique({ where: { chainId_gtin: { chainId, gtin } } });
  if (rule) {
    return {
      minCelsius: rule.minMilliCelsius / 1000,
      maxCelsius: rule.maxMilliCelsius / 1000,
      allowedExcursionMinutes: rule.allowedExcursionMinutes,
    };
  }
  return storageRangeOf(await findProduct(db, gtin));
}
