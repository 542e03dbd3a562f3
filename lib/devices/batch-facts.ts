import type { DeviceReading } from "./batch-message";

// What a batch's signed fields must say about its readings. The device computes them, LotLedger
// recomputes them before it stores anything, and the simulator signs them: one formula for all three.
// No "server-only": the simulator imports it.

/** A storage range in whole milli-°C, both ends inside it. */
export type MilliRange = { minMilliCelsius: number; maxMilliCelsius: number };

export type BatchFacts = {
  readingCount: number;
  firstReadingAt: number;
  lastReadingAt: number;
  minMilliCelsius: number;
  maxMilliCelsius: number;
  minutesOutsideRange: number;
};

/** A lone reading stands for a logger's usual minute. */
const LONE_READING_SECONDS = 60;

/**
 * Minutes outside the range = ⌈ Σ interval(i) over readings i outside it / 60 ⌉, readings in time
 * order, where interval(i) = t(i+1) − t(i) (how long the reading stood for until the next one), the
 * last reading repeats the interval before it, and a batch of one reading counts 60 s. Rounded up so
 * that a batch with any reading outside never claims 0 minutes (the contract refuses that as a hidden
 * excursion); 0 when the GTIN has no range.
 */
export function minutesOutsideRange(
  readings: readonly DeviceReading[],
  range: MilliRange | null,
): number {
  if (!range || readings.length === 0) return 0;
  const sorted = [...readings].sort((a, b) => a.t - b.t);
  let seconds = 0;
  for (const [i, reading] of sorted.entries()) {
    if (reading.mc >= range.minMilliCelsius && reading.mc <= range.maxMilliCelsius) continue;
    seconds += intervalOf(sorted, i);
  }
  return Math.ceil(seconds / 60);
}

function intervalOf(sorted: readonly DeviceReading[], i: number): number {
  const next = sorted[i + 1];
  const current = sorted[i] as DeviceReading;
  if (next) return next.t - current.t;
  const previous = sorted[i - 1];
  return previous ? current.t - previous.t : LONE_READING_SECONDS;
}

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
