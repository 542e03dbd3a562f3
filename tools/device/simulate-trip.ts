import type { TypedDataDomain } from "ethers";
import type { MilliCelsiusRange } from "@/lib/cold-chain/excursion-minutes";
import type { DeviceReply } from "@/lib/device-mqtt";
import { buildReadingBatch, signDeviceMessage } from "./batch-builder";
import type { LoggerConnection } from "./logger-connection";
import type { SimulateOptions } from "./simulate-options";
import { tripReadings } from "./trip-curve";

type Trip = {
  options: SimulateOptions;
  domain: TypedDataDomain;
  range: MilliCelsiusRange | null;
  firstSequence: number;
  logger: LoggerConnection;
  log: (line: string) => void;
};

const clock = (t: number) => new Date(t * 1000).toISOString().slice(11, 16);
const celsius = (mc: number) => `${Number((mc / 1000).toFixed(2))}`;

/**
 * Plays the trip: live, each batch is published when its last reading is taken; with a speed-up the
 * trip is back-dated to end now and its batches follow each other that many times faster. Prints one
 * line per batch with LotLedger's answer; returns how many were accepted and rejected.
 */
export async function simulateTrip({ options, domain, range, firstSequence, logger, log }: Trip) {
  const { intervalSeconds, batchSize, durationMinutes, speed } = options;
  const count = Math.floor((durationMinutes * 60) / intervalSeconds) + 1;
  const now = Math.floor(Date.now() / 1000);
  const startAt = speed ? now - (count - 1) * intervalSeconds : now;
  const band = range
    ? { minCelsius: range.minMilliCelsius / 1000, maxCelsius: range.maxMilliCelsius / 1000 }
    : { minCelsius: 2, maxCelsius: 5 };
  const readings = tripReadings({
    startAt,
    intervalSeconds,
    count,
    band,
    excursion: options.excursion,
  });
  const rangeText = range
    ? `${celsius(range.minMilliCelsius)}–${celsius(range.maxMilliCelsius)} °C`
    : "no range";
  const tally = { accepted: 0, rejected: 0 };
  for (let first = 0, sequence = firstSequence; first < count; first += batchSize, sequence++) {
    const own = readings.slice(first, first + batchSize);
    const lastAt = (own.at(-1) as { t: number }).t;
    const wait = speed ? (own.length * intervalSeconds * 1000) / speed : lastAt * 1000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const batch = buildReadingBatch({
      gtin: options.gtin,
      lotCode: options.lotCode,
      deviceAddress: options.device.address,
      sequence,
      readings: own,
      range,
    });
    const reply: DeviceReply = await logger.send(
      await signDeviceMessage(options.device, domain, batch, own),
    );
    tally[reply.status]++;
    const answer =
      reply.status === "accepted"
        ? `accepted (batch ${reply.batchId})`
        : `rejected: ${reply.reason}`;
    log(
      `batch ${sequence}: ${own.length} reading${own.length === 1 ? "" : "s"} ${clock(batch.firstReadingAt)}–${clock(lastAt)} UTC, ${celsius(batch.minMilliCelsius)}–${celsius(batch.maxMilliCelsius)} °C, ${batch.minutesOutsideRange} min outside ${rangeText}: ${answer}`,
    );
  }
  return tally;
}
