import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { AnchoredReading } from "./reading-leaf";
import { readingTime } from "./reading-time";

/** At most this many readings in one batch: a day of one logger every 10 s, and a proof of 14 hashes. */
export const MAX_READINGS = 10_000;
/** What a chilled or frozen food's logger can plausibly read; outside it, the unit is usually °F. */
export const MIN_CELSIUS = -40;
export const MAX_CELSIUS = 60;
/** A logger's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 60_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** One reading as a logger or a CSV line gives it; `line` is set by the CSV parser. */
const readingInput = z.object({
  time: z.unknown(),
  celsius: z.unknown(),
  sensor: z.string().nullish(),
  line: z.number().int().optional(),
});
export type ReadingInput = z.input<typeof readingInput>;

const batchInput = z.array(z.unknown(), {
  error:
    'Send the readings as a list: {"readings": [{"time": "2026-11-24T06:00:00Z", "celsius": 3.5}]}.',
});

/**
 * Checks a batch of readings and returns them anchored-ready (milli-°C, sensor id or null), or throws
 * one sentence naming the first reading that is wrong ("Reading 12: …", or "Line 12: …" from a CSV).
 */
export function parseReadings(input: unknown, now = new Date()): AnchoredReading[] {
  const list = batchInput.safeParse(input);
  if (!list.success) throw new AppError("INVALID_INPUT", list.error.issues[0]?.message ?? "");
  if (list.data.length === 0) {
    throw new AppError(
      "INVALID_INPUT",
      "There are no readings: give one reading per line under the header time,celsius.",
    );
  }
  if (list.data.length > MAX_READINGS) {
    throw new AppError(
      "INVALID_INPUT",
      `There are ${list.data.length.toLocaleString("en")} readings: record at most ${MAX_READINGS.toLocaleString("en")} at a time, in several uploads.`,
    );
  }
  const seen = new Map<string, string>();
  return list.data.map((raw, index) => {
    const parsed = readingInput.safeParse(raw);
    const label =
      parsed.success && parsed.data.line ? `Line ${parsed.data.line}` : `Reading ${index + 1}`;
    const fail = (message: string): never => {
      throw new AppError("INVALID_INPUT", `${label}: ${message}`);
    };
    if (!parsed.success)
      return fail('give it as {"time": "2026-11-24T06:00:00Z", "celsius": 3.5}.');
    const { time, celsius, sensor } = parsed.data;
    const takenAt = readingTime(time);
    if (!takenAt) {
      return fail(
        `time '${String(time ?? "")}' is not a date and time with its zone: write it like 2026-11-24T06:00:00Z.`,
      );
    }
    if (takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      return fail(`time ${takenAt.toISOString()} is in the future: check the logger's clock.`);
    }
    const text = typeof celsius === "number" ? String(celsius) : String(celsius ?? "").trim();
    if (!NUMBER.test(text)) {
      return fail(`temperature '${text}' is not a number in °C: write it like 3.5 or -18.`);
    }
    const milliCelsius = Math.round(Number(text) * 1000);
    if (milliCelsius < MIN_CELSIUS * 1000 || milliCelsius > MAX_CELSIUS * 1000) {
      return fail(
        `temperature ${text} °C is outside ${MIN_CELSIUS} to ${MAX_CELSIUS} °C: check the logger records °C, not °F.`,
      );
    }
    const sensorId = sensor?.trim() || null;
    if (sensorId && sensorId.length > 64) fail("the sensor id is longer than 64 characters.");
    const key = `${takenAt.getTime()}|${sensorId ?? ""}`;
    const earlier = seen.get(key);
    if (earlier) {
      fail(
        `${takenAt.toISOString()} ${sensorId ? `from sensor ${sensorId}` : "without a sensor id"} is already ${earlier.toLowerCase()}: keep one of the two.`,
      );
    }
    seen.set(key, label);
    return { takenAt, milliCelsius, sensorId };
  });
}
