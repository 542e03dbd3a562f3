// The one formula for a device batch's minutesOutsideRange: the logger (and the simulator) signs it,
// the ingestion service recomputes it from the readings and refuses a batch that claims another
// number, and the contract adds it to the lot's total. Pure, whole numbers only, so every party
// gets the same minute.

/** One reading as a logger sends it: unix seconds and whole milli-°C. */
export type DeviceReading = { t: number; mc: number };

/** A storage range in whole milli-°C, both ends allowed (as the contract's storage rule). */
export type MilliCelsiusRange = { minMilliCelsius: number; maxMilliCelsius: number };

/** A batch of one reading has no cadence of its own: its reading stands for a minute. */
const LONE_READING_SECONDS = 60;

/**
 * Minutes the batch's readings spent outside `range`. Each reading outside counts until the next
 * reading (a logger's reading holds until it measures again); the last one counts one interval of the
 * logger's cadence (the gap before it), since nobody measured when it ended. The seconds add up and
 * round up to whole minutes, so a batch with any reading outside claims at least 1 minute — the
 * contract refuses a batch whose extremes are outside but claims 0 (LotTrackerHiddenExcursion).
 * A GTIN without a storage rule has no outside: 0.
 */
export function minutesOutsideRange(
  readings: readonly DeviceReading[],
  range: MilliCelsiusRange | null,
): number {
  if (!range) return 0;
  const sorted = [...readings].sort((a, b) => a.t - b.t);
  let seconds = 0;
  for (const [i, { t, mc }] of sorted.entries()) {
    if (mc >= range.minMilliCelsius && mc <= range.maxMilliCelsius) continue;
    const next = sorted[i + 1];
    const previous = sorted[i - 1];
    if (next) seconds += next.t - t;
    else seconds += previous ? t - previous.t : LONE_READING_SECONDS;
  }
  const minutes = Math.ceil(seconds / 60);
  const isAnyOutside = sorted.some(
    (r) => r.mc < range.minMilliCelsius || r.mc > range.maxMilliCelsius,
  );
  return isAnyOutside ? Math.max(1, minutes) : 0;
}
