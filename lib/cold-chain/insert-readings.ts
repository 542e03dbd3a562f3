import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AnchoredReading } from "./reading-leaf";

// Prisma's createMany cost ~450 µs a row here (lib/indexer/write-rows.ts measured it); 10,000
// readings would hold the transaction for seconds. One INSERT … SELECT FROM unnest(…) per batch takes
// one array per column instead. Timestamps are UTC without zone, as Prisma writes them.

/** Writes a batch's readings in the caller's transaction. */
export async function insertReadings(
  tx: Tx,
  batch: {
    lotId: string;
    ledgerTransactionId: string;
    recordedById: string;
    locationGln: string | null;
    readings: readonly AnchoredReading[];
  },
): Promise<void> {
  const { readings } = batch;
  await tx.$executeRaw`
    INSERT INTO "TemperatureReading" ("id", "lotId", "ledgerTransactionId", "takenAt", "celsius",
      "sensorId", "locationGln", "recordedById", "updatedAt")
    SELECT gen_random_uuid()::text, ${batch.lotId}, ${batch.ledgerTransactionId}, r.taken_at,
      r.milli::numeric / 1000, r.sensor_id, ${batch.locationGln}, ${batch.recordedById},
      now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${readings.map((r) => r.takenAt.toISOString().replace("T", " ").replace("Z", ""))}::timestamp[],
      ${readings.map((r) => r.milliCelsius)}::int[],
      ${readings.map((r) => r.sensorId)}::text[]
    ) AS r(taken_at, milli, sensor_id)`;
}
