import "server-only";
import {
  type ChartPoint,
  downsampleReadings,
  type Judgement,
  judgeReadings,
  type StorageRange,
  storageRangeOf,
} from "@/lib/cold-chain";
import type { Db } from "@/lib/db/client";
import { getDeviceBatches } from "@/lib/devices";
import { findProduct } from "@/lib/products";

// A lot's device-signed batches (lib/devices, verified there) as the cold-chain sections of the lot
// and consumer pages show them: a chart of each, judged against the range the chain holds.

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
  isSignatureVerified: boolean;
  isRootVerified: boolean;
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
  const batches = await getDeviceBatches({ db, lotId });
  if (batches.length === 0) return [];
  const range = await rangeOfLot(db, lotId);
  return batches.map((batch) => {
    const points = batch.readings.map((r) => ({
      at: r.takenAt.toISOString(),
      celsius: r.celsius,
      sensorId: batch.device.address,
    }));
    const celsius = batch.readings.map((r) => r.celsius);
    return {
      id: batch.id,
      device: {
        ...batch.device,
        organization: batch.device.organization || "an unknown organisation",
      },
      count: points.length,
      minCelsius: celsius.length > 0 ? Math.min(...celsius) : null,
      maxCelsius: celsius.length > 0 ? Math.max(...celsius) : null,
      firstAt: points[0]?.at ?? null,
      lastAt: points.at(-1)?.at ?? null,
      readings: downsampleReadings(points),
      judgement: judgeReadings(points, range, points.length),
      isSignatureVerified: batch.isSignatureVerified,
      isRootVerified: batch.isRootVerified && points.length > 0,
      isAnchored: batch.isAnchored,
      anchoredTxHash: batch.anchoredTxHash,
      anchoredBlock: batch.anchoredBlock,
    };
  });
}

/** The range the lot is judged by: its GTIN's rule on the chain, else the product's master data. */
async function rangeOfLot(db: Db, lotId: string): Promise<StorageRange | null> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { chainId: true, gtin: true },
  });
  if (!lot) return null;
  const rule = await db.storageRule.findUnique({
    where: { chainId_gtin: { chainId: lot.chainId, gtin: lot.gtin } },
  });
  if (!rule) return storageRangeOf(await findProduct(db, lot.gtin));
  return {
    minCelsius: rule.minMilliCelsius / 1000,
    maxCelsius: rule.maxMilliCelsius / 1000,
    allowedExcursionMinutes: rule.allowedExcursionMinutes,
  };
}
