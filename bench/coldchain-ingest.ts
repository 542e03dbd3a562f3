// The ingestion half of `npm run bench:coldchain`: data loggers' signed batches from MQTT publish to
// stored and batched (the DeviceBatch, its TemperatureReading rows and its outbox write) through
// the devices worker's own ingestion (lib/device-mqtt + workers/device-ingest.ts) over a real broker
// — MQTT_URL's, else an embedded aedes — on an embedded PostgreSQL of its own. The baseline: the same
// messages through the same transport with an ingestion that does nothing.
import { createPrismaClient } from "@/lib/db/client";
import type { IngestDeviceMessage } from "@/lib/device-mqtt";
import { startEmbeddedBroker } from "@/tools/stack/mqtt-broker";
import { ingestOverMqtt } from "@/workers/device-ingest";
import { buildTrips } from "./coldchain/messages";
import { timeTrips } from "./coldchain/publish-trips";
import { seedColdChainWorld } from "./coldchain/world";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";

export type IngestionResult = {
  readings_per_s: number | null;
  baseline_transport_readings_per_s: number;
};

export async function benchColdChainIngestion(
  argv: string[],
  say: (line: string) => void,
): Promise<IngestionResult> {
  const loggers = wholeNumberFlag(argv, "--devices", 20);
  const batches = wholeNumberFlag(argv, "--batches", 10);
  const readings = wholeNumberFlag(argv, "--readings", 500);
  const total = loggers * batches * readings;
  const database = await startBenchDatabase("coldchain");
  const db = createPrismaClient(database.databaseUrl);
  const broker = process.env.MQTT_URL
    ? { url: process.env.MQTT_URL, stop: async () => {} }
    : await startEmbeddedBroker({ port: 0 });
  try {
    const attachedFrom = new Date(Date.now() - (batches * readings + 3_600) * 1000);
    const world = await seedColdChainWorld(db, { loggers, attachedFrom });
    say(`signing ${loggers} loggers × ${batches} batches × ${readings} readings…`);
    const trips = await buildTrips({ batches, readings, ...world });
    const nothing: IngestDeviceMessage = async () => ({ batchId: "-", readingCount: readings });
    const baseline = await timeTrips(broker.url, trips, nothing, "baseline");
    say(`baseline (transport only): ${baseline.seconds.toFixed(2)} s`);
    const real = await timeTrips(broker.url, trips, ingestOverMqtt(db), "ingest");
    const rejected = real.replies.find((reply) => reply.status === "rejected");
    const [stored, rows, writes] = await Promise.all([
      db.deviceBatch.count(),
      db.temperatureReading.count(),
      db.ledgerTransaction.count(),
    ]);
    say(
      `ingestion: ${real.seconds.toFixed(2)} s; ${stored} batches, ${rows} readings, ${writes} writes stored`,
    );
    if (rejected?.status === "rejected") say(`a batch was refused: ${rejected.reason}`);
    const isWhole = !rejected && stored === loggers * batches && rows === total && writes >= stored;
    return {
      readings_per_s: isWhole ? Math.round(total / real.seconds) : null,
      baseline_transport_readings_per_s: Math.round(total / baseline.seconds),
    };
  } finally {
    await broker.stop();
    await db.$disconnect();
    await database.stop();
  }
}
