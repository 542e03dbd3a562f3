import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import type { AnchoredReading } from "./reading-leaf";

// What a data logger sends, by the readings form (its CSV export, uploaded or pasted) or the API (JSON
// or that CSV), checked through lib/input.ts's parseInput. A refusal is one sentence naming the first
// reading that is wrong.

/** At most this many readings in one batch: a day of one logger every 10 s, and a proof of 14 hashes. */
export const MAX_READINGS = 10_000;
/** What a chilled or frozen food's logger can plausibly read; outside it, the unit is usually °F. */
export const MIN_CELSIUS = -40;
export const MAX_CELSIUS = 60;
/** A logger's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 60_000;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** The readings form, once its file is read: the file's text, or else what was pasted. */
export const readingsUpload = z.object({
  file: z
    .string()
    .refine((text) => text.trim() !== "", "Choose the logger's CSV file, or paste its readings."),
});

const BODY_SENTENCE = 'Send {"readings": [{"time": …, "celsius": …}]}.';

/** The API's JSON body; its readings are checked by recordReadings, like a CSV's. */
export const readingsBody = z
  .object(
    {
      readings: z.unknown().optional(),
      /** Where the readings were taken, if known (GLN). */
      locationGln: z.string({ error: BODY_SENTENCE }).optional(),
    },
    { error: BODY_SENTENCE },
  )
  .refine((body) => "readings" in body, BODY_SENTENCE);

/** One reading as a logger or a CSV line gives it; `line` is set by the CSV parser. */
const readingInput = z.object({
  time: z.unknown(),
  celsius: z.unknown(),
  sensor: z.string().nullish(),
  line: z.number().int().optional(),
});
export type ReadingInput = z.input<typeof readingInput>;

/**
 * Checks a batch of readings and returns them anchored-ready (milli-°C, sensor id or null), or throws
 * one sentence naming the first reading that is wrong ("Reading 12: …", or "Line 12: …" from a CSV).
 */
export function parseReadings(input: unknown, now = new Date()): AnchoredReading[] {
  return parseInput(readingsBatch(now), input);
}

function readingsBatch(now: Date) {
  return z
    .array(z.unknown(), {
      error:
        'Send the readings as a list: {"readings": [{"time": "2026-11-24T06:00:00Z", "celsius": 3.5}]}.',
    })
    .min(1, "There are no readings: give one reading per line under the header time,celsius.")
    .max(MAX_READINGS, {
      error: (issue) =>
        `There are ${(issue.input as unknown[]).length.toLocaleString("en")} readings: record at most ${MAX_READINGS.toLocaleString("en")} at a time, in several uploads.`,
    })
    .transform((list, context) => {
      const seen = new Map<string, string>();
      const readings: AnchoredReading[] = [];
      for (const [index, raw] of list.entries()) {
        const reading = readingOf(raw, index, seen, now);
        if (typeof reading === "string") {
          context.addIssue({ code: "custom", message: reading });
          return z.NEVER;
        }
        readings.push(reading);
      }
      return readings;
    });
}

/** The reading, or the sentence refusing it; `seen` keeps the label of each time and sensor so far. */
function readingOf(
  raw: unknown,
  index: number,
  seen: Map<string, string>,
  now: Date,
): AnchoredReading | string {
  const parsed = readingInput.safeParse(raw);
  const label = readingLabel(raw, index);
  const fail = (message: string) => `${label}: ${message}`;
  if (!parsed.success) return fail('give it as {"time": "2026-11-24T06:00:00Z", "celsius": 3.5}.');
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
  if (sensorId && sensorId.length > 64) return fail("the sensor id is longer than 64 characters.");
  const key = `${takenAt.getTime()}|${sensorId ?? ""}`;
  const earlier = seen.get(key);
  if (earlier) {
    return fail(
      `${takenAt.toISOString()} ${sensorId ? `from sensor ${sensorId}` : "without a sensor id"} is already ${earlier.toLowerCase()}: keep one of the two.`,
    );
  }
  seen.set(key, label);
  return { takenAt, milliCelsius, sensorId };
}

/** How a refusal names a reading: its CSV line, else its place in the list ("Reading 3"). */
export function readingLabel(raw: unknown, index: number): string {
  const line = (raw as { line?: unknown } | null)?.line;
  return typeof line === "number" ? `Line ${line}` : `Reading ${index + 1}`;
}

// ISO 8601 with a zone (Z or ±hh:mm): a logger's local time without one would be off by hours
// somewhere along the chain, so it is refused rather than guessed. A space may stand for the T.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The instant an ISO 8601 time with its zone names, or null (also for 30 February or 24:61). */
export function readingTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = ISO_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((n) => Number(n ?? 0));
  const calendar = new Date(Date.UTC(year as number, (month as number) - 1, day));
  if (calendar.getUTCMonth() !== (month as number) - 1 || calendar.getUTCDate() !== day) {
    return null;
  }
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) return null;
  const zone = (match[7] as string).toUpperCase();
  const offset = zone === "Z" || zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = Date.parse(
    `${text.slice(0, 10)}T${text.slice(11, text.length - zone.length)}${offset}`,
  );
  return Number.isNaN(time) ? null : new Date(time);
}

const HEADERS = ["time,celsius", "time,celsius,sensor"];

/**
 * The rows of a data logger's CSV export: a header `time,celsius` or `time,celsius,sensor`, then one
 * reading per line (blank lines skipped, values may be in double quotes). Each row keeps its line
 * number, so parseReadings names the line a person has to fix.
 */
export function readingsFromCsv(text: string): ReadingInput[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1) {
    throw new AppError(
      "INVALID_INPUT",
      "The CSV is empty: give the header time,celsius and then one reading per line.",
    );
  }
  const header = splitLine(lines[headerIndex] as string).map((value) => value.toLowerCase());
  if (!HEADERS.includes(header.join(","))) {
    throw new AppError(
      "INVALID_INPUT",
      `Line ${headerIndex + 1}: the header must be time,celsius or time,celsius,sensor, not '${header.join(",")}'.`,
    );
  }
  const rows: ReadingInput[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === "") continue;
    const values = splitLine(line);
    if (values.length !== header.length) {
      throw new AppError(
        "INVALID_INPUT",
        `Line ${index + 1}: expected ${header.length} values (${header.join(",")}) but found ${values.length}: give one reading per line, separated by commas.`,
      );
    }
    const [time, celsius, sensor] = values;
    rows.push({ time, celsius, sensor: sensor ?? null, line: index + 1 });
  }
  return rows;
}

function splitLine(line: string): string[] {
  return line.split(",").map((value) =>
    value
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}
