import type { ChartPoint } from "./downsample";

/** A product's storage range, as its master data gives it (lib/products). */
export type StorageRange = {
  minCelsius: number;
  maxCelsius: number;
  /** How long outside the range is tolerated before anyone must be told (0 when not given). */
  allowedExcursionMinutes: number;
};

/** Time the readings were outside the range, and how far they went. */
export type Excursion = {
  minutes: number;
  /** The highest reading above the range, or null when none was above it. */
  maxCelsius: number | null;
  /** The lowest reading below the range, or null when none was below it. */
  minCelsius: number | null;
  /** Longer outside than the product allows: the holder and the next recipient are alerted. */
  isBeyondAllowance: boolean;
};

/** What a batch's readings say against the product's range, in one sentence. */
export type Judgement =
  | { kind: "kept"; sentence: string; range: StorageRange }
  | { kind: "excursion"; sentence: string; range: StorageRange; excursion: Excursion }
  | { kind: "no range"; sentence: string; range: null }
  | { kind: "no readings"; sentence: string; range: StorageRange | null };

/** °C as a person reads it: up to 3 decimals, no trailing zeros. */
export const celsiusText = (value: number) => `${Number(value.toFixed(3))}`;

/** "47 min", "2 h", "3 h 5 min", "7 days 20 h": as precise as a person needs it. */
export function durationText(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 60) return `${whole} min`;
  const [hours, rest] = [Math.floor(whole / 60), whole % 60];
  if (hours < 24) return `${hours} h${rest ? ` ${rest} min` : ""}`;
  const [days, hoursLeft] = [Math.floor(hours / 24), hours % 24];
  return `${days} ${days === 1 ? "day" : "days"}${hoursLeft ? ` ${hoursLeft} h` : ""}`;
}

const rangeText = (range: StorageRange) =>
  `${celsiusText(range.minCelsius)}–${celsiusText(range.maxCelsius)} °C`;

/**
 * Judges a batch's readings against the product's storage range. A batch with any reading outside
 * the range is never "kept": it is an excursion, timed from the first reading outside to the next
 * reading back inside (or the last reading), per sensor, overlapping runs counted once.
 */
export function judgeReadings(
  readings: readonly ChartPoint[],
  range: StorageRange | null,
  recordedCount: number,
): Judgement {
  if (readings.length === 0) {
    return {
      kind: "no readings",
      sentence: `The ledger holds ${recordedCount} readings that LotLedger no longer has`,
      range,
    };
  }
  const values = readings.map((r) => r.celsius);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const span =
    low === high
      ? `at ${celsiusText(low)} °C`
      : `between ${celsiusText(low)} and ${celsiusText(high)} °C`;
  if (!range) {
    return {
      kind: "no range",
      sentence: `Measured ${span}; no reference range for this product`,
      range: null,
    };
  }
  if (low >= range.minCelsius && high <= range.maxCelsius) {
    return { kind: "kept", sentence: `Kept ${span} (range ${rangeText(range)})`, range };
  }
  const minutes = minutesOutside(readings, range);
  const excursion: Excursion = {
    minutes,
    maxCelsius: high > range.maxCelsius ? high : null,
    minCelsius: low < range.minCelsius ? low : null,
    isBeyondAllowance: minutes > range.allowedExcursionMinutes || minutes === 0,
  };
  const extremes = [
    excursion.minCelsius === null ? null : `min ${celsiusText(excursion.minCelsius)} °C`,
    excursion.maxCelsius === null ? null : `max ${celsiusText(excursion.maxCelsius)} °C`,
  ].filter(Boolean);
  return {
    kind: "excursion",
    // One reading outside, the batch's last: how long it lasted nobody measured.
    sentence: `Outside its range ${minutes > 0 ? `for ${durationText(minutes)}` : "at its last reading"} (${extremes.join(", ")})`,
    range,
    excursion,
  };
}

/** Minutes outside the range: each sensor's runs outside, merged across sensors. */
function minutesOutside(readings: readonly ChartPoint[], range: StorageRange): number {
  const isOutside = (celsius: number) => celsius < range.minCelsius || celsius > range.maxCelsius;
  const runs: [number, number][] = [];
  const sensors = new Set(readings.map((r) => r.sensorId ?? ""));
  for (const sensor of sensors) {
    const own = readings.filter((r) => (r.sensorId ?? "") === sensor);
    let start: number | null = null;
    for (const reading of own) {
      const at = Date.parse(reading.at);
      if (isOutside(reading.celsius)) start ??= at;
      else if (start !== null) {
        runs.push([start, at]);
        start = null;
      }
    }
    if (start !== null) runs.push([start, Date.parse((own.at(-1) as ChartPoint).at)]);
  }
  runs.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [start, end] of runs) {
    if (current && start <= current[1]) current[1] = Math.max(current[1], end);
    else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0];
  return total / 60_000;
}
