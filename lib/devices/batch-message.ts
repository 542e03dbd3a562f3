import { z } from "zod";
import type { ReadingBatch } from "@/lib/chain/reading-batch";
import { AppError } from "@/lib/errors";

// The message a data logger sends, over MQTT or HTTPS alike (docs/devices.md): the batch it signed,
// the signature, and the readings the batch covers. No "server-only": the simulator builds the same.

/** One reading as a logger sends it: unix seconds and whole milli-°C. */
export type DeviceReading = { t: number; mc: number };

export type DeviceBatchMessage = {
  batch: ReadingBatch;
  signature: string;
  readings: DeviceReading[];
};

/** A day of one logger every 10 s in one batch, as the readings upload allows. */
export const MAX_BATCH_READINGS = 10_000;

const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const INT32 = 2 ** 31;
const UNIX_SECONDS = whole(0, 2 ** 40 - 1);

const messageSchema = z.object({
  batch: z.object({
    gtin: z.string().regex(/^\d{14}$/),
    lotCode: z.string().regex(/^[!-~]{1,20}$/),
    readingsRoot: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
    readingCount: whole(1, MAX_BATCH_READINGS),
    sequence: whole(1, 2 ** 32 - 1),
    firstReadingAt: UNIX_SECONDS,
    lastReadingAt: UNIX_SECONDS,
    minMilliCelsius: whole(-INT32, INT32 - 1),
    maxMilliCelsius: whole(-INT32, INT32 - 1),
    minutesOutsideRange: whole(0, 2 ** 32 - 1),
  }),
  signature: z.string(),
  readings: z
    .array(z.object({ t: UNIX_SECONDS, mc: whole(-INT32, INT32 - 1) }))
    .min(1)
    .max(MAX_BATCH_READINGS),
});

/** What each field must be, by its path with list positions left out. */
const FIELDS: Record<string, string> = {
  batch: "an object with the fields the device signed",
  "batch.gtin": "the lot's GTIN-14 as text of 14 digits",
  "batch.lotCode": "the lot code, 1 to 20 printable characters without spaces",
  "batch.readingsRoot": "the readings' Merkle root, 0x and 64 hex digits",
  "batch.readingCount": `a whole number of readings from 1 to ${MAX_BATCH_READINGS.toLocaleString("en")}`,
  "batch.sequence": "a whole number above the device's last batch",
  "batch.firstReadingAt": "unix seconds, a whole number",
  "batch.lastReadingAt": "unix seconds, a whole number",
  "batch.minMilliCelsius": "whole milli-°C",
  "batch.maxMilliCelsius": "whole milli-°C",
  "batch.minutesOutsideRange": "a whole number of minutes, 0 or more",
  signature: "the device's EIP-712 signature, 0x and 130 hex digits",
  readings: `a list of 1 to ${MAX_BATCH_READINGS.toLocaleString("en")} readings {"t": unix seconds, "mc": milli-°C}`,
  "readings.t": "unix seconds, a whole number",
  "readings.mc": "whole milli-°C",
};

const NOT_AN_OBJECT =
  "The message is not a JSON object with batch, signature and readings: send it in the format docs/devices.md shows.";

/** The message checked field by field, or one sentence naming the first field that is wrong. */
export function parseBatchMessage(message: unknown): DeviceBatchMessage {
  const value =
    typeof message === "string" || message instanceof Uint8Array ? json(message) : message;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("INVALID_INPUT", NOT_AN_OBJECT);
  }
  if (!("signature" in value) || value.signature === "" || value.signature == null) {
    throw new AppError(
      "INVALID_INPUT",
      "The batch has no signature: sign it with the device's key (EIP-712 ReadingBatch) and send it as signature.",
      { field: "signature" },
    );
  }
  const result = messageSchema.safeParse(value);
  if (result.success) return result.data;
  const path = result.error.issues[0]?.path.map(String) ?? [];
  const field = path.join(".");
  const described = FIELDS[path.filter((part) => !/^\d+$/.test(part)).join(".")];
  throw new AppError(
    "INVALID_INPUT",
    described
      ? `The message's ${field} is missing or malformed: send ${described}.`
      : `The message's ${field || "content"} is malformed: send it in the format docs/devices.md shows.`,
    { field },
  );
}

function json(message: string | Uint8Array): unknown {
  try {
    return JSON.parse(
      typeof message === "string" ? message : Buffer.from(message).toString("utf8"),
    );
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      "The message is not JSON: send the batch, its signature and its readings as one JSON object.",
    );
  }
}
