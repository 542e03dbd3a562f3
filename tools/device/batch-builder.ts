import type { Signer, TypedDataDomain } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import { type ReadingBatch, signReadingBatch } from "@/lib/chain/reading-batch";
import {
  type DeviceReading,
  type MilliCelsiusRange,
  minutesOutsideRange,
} from "@/lib/cold-chain/excursion-minutes";
import { readingsRootOf } from "@/lib/cold-chain/reading-leaf";

/** The message a logger publishes: the signed batch and the readings it covers (docs/devices.md). */
export type DeviceMessage = { batch: ReadingBatch; signature: string; readings: DeviceReading[] };

/**
 * The batch a logger signs for `readings` of one lot: the Merkle root of their leaves with the
 * device's address as sensor id, the count, the first and last times, the extremes and the minutes
 * outside the range by the formula ingestion checks (lib/cold-chain/excursion-minutes.ts).
 */
export function buildReadingBatch({
  gtin,
  lotCode,
  deviceAddress,
  sequence,
  readings,
  range,
}: {
  gtin: string;
  lotCode: string;
  deviceAddress: string;
  sequence: number;
  readings: readonly DeviceReading[];
  range: MilliCelsiusRange | null;
}): ReadingBatch {
  const sensorId = deviceAddress.toLowerCase();
  const anchored = readings.map((r) => ({
    takenAt: new Date(r.t * 1000),
    milliCelsius: r.mc,
    sensorId,
  }));
  const times = readings.map((r) => r.t);
  const temperatures = readings.map((r) => r.mc);
  return {
    gtin,
    lotCode,
    readingsRoot: readingsRootOf(lotIdOf(gtin, lotCode), anchored),
    readingCount: readings.length,
    sequence,
    firstReadingAt: Math.min(...times),
    lastReadingAt: Math.max(...times),
    minMilliCelsius: Math.min(...temperatures),
    maxMilliCelsius: Math.max(...temperatures),
    minutesOutsideRange: minutesOutsideRange(readings, range),
  };
}

/** The batch signed by the device's key (EIP-712, LotTracker's domain on its chain). */
export async function signDeviceMessage(
  device: Signer,
  domain: TypedDataDomain,
  batch: ReadingBatch,
  readings: DeviceReading[],
): Promise<DeviceMessage> {
  return { batch, signature: await signReadingBatch(device, domain, batch), readings };
}
