import mqtt from "mqtt";
import {
  batchesTopicOf,
  type DeviceReply,
  deviceReplySchema,
  type IngestDeviceMessage,
  repliesTopicOf,
  startDeviceIngestion,
} from "@/lib/device-mqtt";
import type { LoggerTrip } from "./messages";

/**
 * Starts the devices worker's ingestion with `ingest`, then every logger publishes all its batches
 * at once (QoS 1) and the clock runs from the first publish to the last reply. Returns the seconds
 * and every reply.
 */
export async function timeTrips(
  mqttUrl: string,
  trips: LoggerTrip[],
  ingest: IngestDeviceMessage,
  run: string,
): Promise<{ seconds: number; replies: DeviceReply[] }> {
  const ingestion = await startDeviceIngestion({
    mqttUrl,
    ingest,
    clientId: `lotledger-devices-bench-${run}-${process.pid}`,
    log: () => {},
  });
  const expected = trips.reduce((sum, trip) => sum + trip.payloads.length, 0);
  const replies: DeviceReply[] = [];
  const loggers = await Promise.all(
    trips.map(async (trip, i) => {
      const client = await mqtt.connectAsync(mqttUrl, {
        clientId: `bench-${run}-${i}-${process.pid}`,
      });
      await client.subscribeAsync(repliesTopicOf(trip.address), { qos: 1 });
      return client;
    }),
  );
  try {
    const allHeard = new Promise<void>((resolve) => {
      for (const client of loggers) {
        client.on("message", (_topic, payload) => {
          replies.push(deviceReplySchema.parse(JSON.parse(payload.toString())));
          if (replies.length === expected) resolve();
        });
      }
    });
    const started = performance.now();
    await Promise.all(
      trips.map(async (trip, i) => {
        const client = loggers[i] as mqtt.MqttClient;
        for (const payload of trip.payloads) {
          await client.publishAsync(batchesTopicOf(trip.address), payload, { qos: 1 });
        }
      }),
    );
    await allHeard;
    return { seconds: (performance.now() - started) / 1000, replies };
  } finally {
    await Promise.all(loggers.map((client) => client.endAsync()));
    await ingestion.stop();
  }
}
