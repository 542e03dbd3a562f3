import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Wallet } from "ethers";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ExcursionPlan } from "./trip-curve";

const OPTIONS = {
  key: { type: "string" },
  "key-file": { type: "string" },
  gtin: { type: "string" },
  lot: { type: "string" },
  mqtt: { type: "string" },
  interval: { type: "string", default: "60" },
  batch: { type: "string", default: "15" },
  duration: { type: "string" },
  excursion: { type: "string" },
  speed: { type: "string" },
  range: { type: "string" },
  sequence: { type: "string" },
} as const;

export type SimulateOptions = {
  device: Wallet;
  gtin: string;
  lotCode: string;
  mqttUrl: string;
  intervalSeconds: number;
  batchSize: number;
  durationMinutes: number;
  excursion?: ExcursionPlan;
  /** Replays a back-dated trip this many times faster than real time; live when unset. */
  speed?: number;
  /** The storage range in °C; read from the GTIN's on-chain rule when unset. */
  range?: { minCelsius: number; maxCelsius: number };
  firstSequence?: number;
};

const refuse = (message: string): never => {
  throw new AppError("INVALID_INPUT", message);
};

const positive = (name: string, text: string | undefined, what: string): number => {
  const value = Number(text);
  return Number.isFinite(value) && value > 0
    ? value
    : refuse(`--${name} "${text}" is not ${what}.`);
};

const EXCURSION = z.object({
  at: z.coerce.number().min(0),
  minutes: z.coerce.number().positive(),
  peak: z.coerce.number().min(-80).max(80),
});

/** The simulate command's options, each wrong one refused with what to give instead. */
export function parseSimulateOptions(args: string[], defaultMqttUrl: string): SimulateOptions {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true });
  const keyText = values.key ?? (values["key-file"] && readFileSync(values["key-file"], "utf8"));
  if (!keyText) refuse("Give the device's private key with --key 0x… or --key-file <file>.");
  const device = (() => {
    try {
      return new Wallet((keyText as string).trim());
    } catch {
      return refuse("The device key is not a private key: give 0x and 64 hex digits.");
    }
  })();
  if (!/^\d{14}$/.test(values.gtin ?? ""))
    refuse("Give the lot's GTIN-14 with --gtin (14 digits).");
  if (!/^[!-~]{1,20}$/.test(values.lot ?? ""))
    refuse("Give the lot code with --lot (1–20 characters).");
  const durationMinutes = positive("duration", values.duration, "the trip's length in minutes");
  const excursion = values.excursion === undefined ? undefined : parseExcursion(values.excursion);
  if (excursion && excursion.at + excursion.minutes > durationMinutes) {
    refuse(
      `The excursion ends after the trip's ${durationMinutes} minutes: start it earlier or make --duration longer.`,
    );
  }
  return {
    device,
    gtin: values.gtin as string,
    lotCode: values.lot as string,
    mqttUrl: values.mqtt ?? defaultMqttUrl,
    intervalSeconds: positive("interval", values.interval, "seconds between readings, more than 0"),
    batchSize: Math.round(positive("batch", values.batch, "a number of readings per batch")),
    durationMinutes,
    excursion,
    speed:
      values.speed === undefined
        ? undefined
        : positive("speed", values.speed, "a speed-up factor such as 60"),
    range: values.range === undefined ? undefined : parseRange(values.range),
    firstSequence:
      values.sequence === undefined
        ? undefined
        : Math.round(
            positive("sequence", values.sequence, "a batch number above the device's last"),
          ),
  };
}

function parseExcursion(text: string): ExcursionPlan {
  const fields = Object.fromEntries(
    text.split(",").map((part) => part.split("=").map((s) => s.trim())),
  );
  const parsed = EXCURSION.safeParse(fields);
  if (!parsed.success) {
    refuse(
      `--excursion "${text}" is not a plan: give it as at=<minute of the trip>,minutes=<how long>,peak=<°C>, such as at=30,minutes=45,peak=12.`,
    );
  }
  const { at, minutes, peak } = parsed.data as z.infer<typeof EXCURSION>;
  return { at, minutes, peakCelsius: peak };
}

function parseRange(text: string): { minCelsius: number; maxCelsius: number } {
  const match = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  const [min, max] = match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN];
  if (!(min < max))
    refuse(
      `--range "${text}" is not a range: give it in °C as min..max, such as 0..5 or --range=-25..-18.`,
    );
  return { minCelsius: min, maxCelsius: max };
}
