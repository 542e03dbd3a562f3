import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AnchoredReading } from "./reading-leaf";

// Prisma's createMany cost ~450 µs a row here (lib/indexer/write-rows.ts measured it); 10,000
// readings would hold the transaction for seconds. One INSERT … SELECT FROM unnest(…) per batch takes
// one array per column instead. Timestamps are UTC without zone, as Prisma writes them.

/**
 * Writes a batch's readings in the caller's transaction: an upload's (no device) or a registered
 * device's. A device's reading of the lot at an instant already stored is skipped, not written twice
 * (unique deviceId, lotId, takenAt): the count written tells the caller, which refuses the batch.
 */
export async function insertReadings(
  tx: Tx,
  batch: {
    lotId: string;
    ledgerTransactionId: string;
    /** The person who uploaded them, or the Device.id that signed them. */
    recordedById: string;
    deviceId?: string | null;
    locationGln: string | null;
    readings: readonly AnchoredReading[];
  },
): Promise<number> {
  const { readings } = batch;
  return tx.$executeRaw`
    INSERT INTO "TemperatureReading" ("id", "lotId", "ledgerTransactionId", "takenAt", "celsius",
      "sensorId", "deviceId", "locationGln", "recordedById", "updatedAt")
    SELECT gen_random_uuid()::text, ${batch.lotId}, ${batch.ledgerTransactionId}, r.taken_at,
      r.milli::numeric / 1000, r.sensor_id, ${batch.deviceId ?? null}, ${batch.locationGln},
      ${batch.recordedById}, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${readings.map((r) => r.takenAt.toISOString().replace("T", " ").replace("Z", ""))}::timestamp[],
      ${readings.map((r) => r.milliCelsius)}::int[],
      ${readings.map((r) => r.sensorId)}::text[]
    ) AS r(taken_at, milli, sensor_id)
    ON CONFLICT ("deviceId", "lotId", "takenAt") DO NOTHING`;
}
