import "server-only";
import type { ReadingBatch } from "@/lib/chain/reading-batch";
import { type AnchoredReading, readingsRootOf } from "@/lib/cold-chain";
import { AppError } from "@/lib/errors";
import { type BatchFacts, batchFactsOf, type MilliRange } from "./batch-facts";
import type { DeviceReading } from "./batch-message";
import { milliCelsiusText, milliRangeText } from "./storage-range";

/** What a logger can measure at all; beyond it the sensor is broken or unplugged. */
const PHYSICAL_MILLI = 80_000;
/** A logger's clock may run this far ahead of the server's. */
const FUTURE_SKEW_SECONDS = 5 * 60;

/** A reading's time as the refusals name it: "2026-12-03T06:00:00Z". */
export const readingTimeText = (t: number) =>
  new Date(t * 1000).toISOString().replace(".000Z", "Z");

const refuse = (message: string) => new AppError("INVALID_INPUT", message);

/**
 * Refuses readings no logger can have taken: out of its physical range, in the future, or two at
 * one instant. Names the first reading at fault by its place in the message.
 */
export function assertPlausibleReadings(readings: readonly DeviceReading[], now: Date): void {
  const latest = Math.floor(now.getTime() / 1000) + FUTURE_SKEW_SECONDS;
  const seen = new Map<number, number>();
  for (const [index, { t, mc }] of readings.entries()) {
    const label = `Reading ${index + 1} at ${readingTimeText(t)}`;
    if (Math.abs(mc) > PHYSICAL_MILLI) {
      throw refuse(
        `${label} is ${milliCelsiusText(mc)} °C, outside what a logger can measure (−80 to +80 °C); check the sensor.`,
      );
    }
    if (t > latest) {
      throw refuse(`${label} is more than 5 minutes in the future: check the logger's clock.`);
    }
    const earlier = seen.get(t);
    if (earlier !== undefined) {
      throw refuse(
        `Readings ${earlier + 1} and ${index + 1} are both at ${readingTimeText(t)}: a device reports one reading per instant, so send one of them.`,
      );
    }
    seen.set(t, index);
  }
}

/**
 * Refuses a batch whose signed fields are not what its readings give: the count, the first and last
 * times, the extremes, the minutes outside the GTIN's range (batch-facts.ts) and the Merkle root of
 * the readings as LotLedger stores them (sensor id = the device address).
 */
export function assertBatchMatchesReadings(
  batch: ReadingBatch,
  anchored: readonly AnchoredReading[],
  facts: { lotId: string; readings: readonly DeviceReading[]; range: MilliRange | null },
): void {
  const actual = batchFactsOf(facts.readings, facts.range);
  for (const field of Object.keys(actual) as (keyof BatchFacts)[]) {
    if (batch[field] === actual[field]) continue;
    const rule =
      field === "minutesOutsideRange"
        ? ` (outside ${milliRangeText(facts.range)}, counted as docs/devices.md says)`
        : "";
    throw refuse(
      `The batch's ${field} is ${batch[field]}, but its readings give ${actual[field]}${rule}: sign the batch over the readings it carries.`,
    );
  }
  const root = readingsRootOf(facts.lotId, anchored);
  if (batch.readingsRoot.toLowerCase() !== root) {
    throw refuse(
      `The batch's readingsRoot is not the Merkle root of its readings (${root}): build it with one leaf per reading, the device address as sensor id, as docs/devices.md says.`,
    );
  }
}

/** The readings as TemperatureReading rows hold them: the time in ms, the device as the sensor. */
export function anchoredReadingsOf(
  readings: readonly DeviceReading[],
  deviceAddress: string,
): AnchoredReading[] {
  return readings.map(({ t, mc }) => ({
    takenAt: new Date(t * 1000),
    milliCelsius: mc,
    sensorId: deviceAddress,
  }));
}
