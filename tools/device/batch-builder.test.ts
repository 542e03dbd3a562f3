import { Wallet } from "ethers";
import { describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingBatchDomain, readingBatchSigner } from "@/lib/chain/reading-batch";
import { readingsRootOf } from "@/lib/cold-chain/reading-leaf";
import { buildReadingBatch, signDeviceMessage } from "./batch-builder";
import { tripReadings } from "./trip-curve";

/** A seeded source of numbers in [0, 1) (mulberry32), so every run plays the same trip. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const device = new Wallet(`0x${"ab".repeat(32)}`);
const range = { minMilliCelsius: 2_000, maxMilliCelsius: 5_000 };
const band = { minCelsius: 2, maxCelsius: 5 };
const [gtin, lotCode] = ["09506000134352", "L-TRIP-1"];
const startAt = 1_764_745_200;
const batchOf = (readings: ReturnType<typeof tripReadings>, sequence = 1) =>
  buildReadingBatch({ gtin, lotCode, deviceAddress: device.address, sequence, readings, range });

describe("the simulated logger's batches", () => {
  it("sums up its readings and roots them with the device address as sensor id", () => {
    const readings = tripReadings({
      startAt,
      intervalSeconds: 60,
      count: 15,
      band,
      random: seeded(1),
    });
    const batch = batchOf(readings, 12);
    const temperatures = readings.map((r) => r.mc);
    expect(batch).toMatchObject({
      gtin,
      lotCode,
      sequence: 12,
      readingCount: 15,
      firstReadingAt: startAt,
      lastReadingAt: startAt + 14 * 60,
      minMilliCelsius: Math.min(...temperatures),
      maxMilliCelsius: Math.max(...temperatures),
      minutesOutsideRange: 0,
    });
    const leaves = readings.map((r) => ({
      takenAt: new Date(r.t * 1000),
      milliCelsius: r.mc,
      sensorId: device.address.toLowerCase(),
    }));
    expect(batch.readingsRoot).toBe(readingsRootOf(lotIdOf(gtin, lotCode), leaves));
  });

  it("keeps a trip without an excursion inside the band, door openings and all", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const day = tripReadings({
        startAt,
        intervalSeconds: 60,
        count: 1_440,
        band,
        random: seeded(seed),
      });
      expect(batchOf(day).minutesOutsideRange).toBe(0);
      expect(Math.max(...day.map((r) => r.mc))).toBeLessThanOrEqual(5_000);
    }
  });

  it("counts the planned excursion's minutes outside, batch by batch, and reaches its peak", () => {
    const excursion = { at: 30, minutes: 45, peakCelsius: 12 };
    const trip = tripReadings({
      startAt,
      intervalSeconds: 60,
      count: 121,
      band,
      excursion,
      random: seeded(7),
    });
    const outside = trip.filter((r) => r.mc > 5_000).map((r) => (r.t - startAt) / 60);
    expect([outside[0], outside.at(-1), outside.length]).toEqual([30, 74, 45]);
    const batches = [0, 15, 30, 45, 60, 75, 90, 105, 120].map((first, i) =>
      batchOf(trip.slice(first, first + 15), i + 1),
    );
    expect(batches.map((b) => b.minutesOutsideRange)).toEqual([0, 0, 15, 15, 15, 0, 0, 0, 0]);
    expect(Math.max(...batches.map((b) => b.maxMilliCelsius))).toBe(12_000);
  });

  it("is signed by the device key over LotTracker's domain", async () => {
    const readings = tripReadings({
      startAt,
      intervalSeconds: 60,
      count: 3,
      band,
      random: seeded(9),
    });
    const domain = readingBatchDomain(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
    const message = await signDeviceMessage(device, domain, batchOf(readings), readings);
    expect(readingBatchSigner(domain, message.batch, message.signature)).toBe(device.address);
    expect(message.readings).toBe(readings);
  });
});
