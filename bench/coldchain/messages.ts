import { readingBatchDomain } from "@/lib/chain/reading-batch";
import { buildReadingBatch, signDeviceMessage } from "@/tools/device/batch-builder";
import { tripReadings } from "@/tools/device/trip-curve";
import type { BenchLogger } from "./world";

/** One logger's batches, signed and serialised, ready to publish in order. */
export type LoggerTrip = { address: string; payloads: string[] };

/**
 * Each logger's trip as `batches` signed batches of `readings` readings, one a second, ending a
 * minute ago (inside its attachment, never in the future); sequences from 1. Built before the clock
 * starts: the bench times LotLedger, not the loggers.
 */
export async function buildTrips({
  loggers,
  batches,
  readings,
  chainId,
  contractAddress,
}: {
  loggers: BenchLogger[];
  batches: number;
  readings: number;
  chainId: number;
  contractAddress: string;
}): Promise<LoggerTrip[]> {
  const domain = readingBatchDomain(chainId, contractAddress);
  const count = batches * readings;
  const startAt = Math.floor(Date.now() / 1000) - 60 - count;
  const band = { minCelsius: 2, maxCelsius: 5 };
  return Promise.all(
    loggers.map(async ({ device, gtin, lotCode }) => {
      const trip = tripReadings({ startAt, intervalSeconds: 1, count, band });
      const payloads: string[] = [];
      for (let b = 0; b < batches; b++) {
        const own = trip.slice(b * readings, (b + 1) * readings);
        const batch = buildReadingBatch({
          gtin,
          lotCode,
          deviceAddress: device.address,
          sequence: b + 1,
          readings: own,
          range: null,
        });
        payloads.push(JSON.stringify(await signDeviceMessage(device, domain, batch, own)));
      }
      return { address: device.address.toLowerCase(), payloads };
    }),
  );
}
