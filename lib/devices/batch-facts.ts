import { type MilliCelsiusRange, minutesOutsideRange } from "@/lib/cold-chain/excursion-minutes";
import type { DeviceReading } from "./batch-message";

// What a batch's signed fields must say about its readings. The device computes them, LotLedger
// recomputes them before it stores anything, and the simulator signs them; the minutes outside come
// from the one formula in lib/cold-chain/excursion-minutes.ts.
// No "server-only": the simulator imports it.

/** A storage range in whole milli-°C, both ends inside it. */
export type MilliRange = MilliCelsiusRange;

export type BatchFacts = {
  readingCount: number;
  firstReadingAt: number;
  lastReadingAt: number;
  minMilliCelsius: number;
  maxMilliCelsius: number;
  minutesOutsideRange: number;
};

/** The fields a device signs about its readings, computed from them (at least one reading). */
export function batchFactsOf(
  readings: readonly DeviceReading[],
  range: MilliRange | null,
): BatchFacts {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { t, mc } of readings) {
    first = Math.min(first, t);
    last = Math.max(last, t);
    min = Math.min(min, mc);
    max = Math.max(max, mc);
  }
  return {
    readingCount: readings.length,
    firstReadingAt: first,
    lastReadingAt: last,
    minMilliCelsius: min,
    maxMilliCelsius: max,
    minutesOutsideRange: minutesOutsideRange(readings, range),
  };
}
