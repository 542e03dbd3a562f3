import mqtt, { type MqttClient } from "mqtt";
import {
  batchesTopicOf,
  type DeviceReply,
  deviceReplySchema,
  repliesTopicOf,
} from "@/lib/device-mqtt";
import type { DeviceMessage } from "./batch-builder";

/** How long a logger waits for LotLedger's answer to a batch before giving up on it. */
const REPLY_TIMEOUT_MS = 60_000;

export type LoggerConnection = {
  /** Publishes the batch (QoS 1) and resolves with LotLedger's reply to its sequence. */
  send(message: DeviceMessage): Promise<DeviceReply>;
  close(): Promise<void>;
};

/** A data logger's MQTT session: it publishes on its batches topic and listens on its replies topic. */
export async function connectLogger(mqttUrl: string, address: string): Promise<LoggerConnection> {
  const client: MqttClient = await mqtt
    .connectAsync(mqttUrl, {
      clientId: `logger-${address.slice(2, 14)}-${process.pid}`,
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    })
    .catch((error: Error) => {
      throw new Error(
        `Cannot reach the MQTT broker at ${mqttUrl} (${error.message}): is LotLedger running, or give its broker with --mqtt?`,
      );
    });
  const waiting = new Map<number | null, (reply: DeviceReply) => void>();
  client.on("message", (_topic, payload) => {
    const parsed = deviceReplySchema.safeParse(JSON.parse(payload.toString()));
    if (!parsed.success) return;
    // A reply without a sequence answers the one batch in flight.
    const key = waiting.has(parsed.data.sequence) ? parsed.data.sequence : [...waiting.keys()][0];
    const resolve = waiting.get(key ?? null);
    waiting.delete(key ?? null);
    resolve?.(parsed.data);
  });
  await client.subscribeAsync(repliesTopicOf(address), { qos: 1 });
  return {
    async send(message) {
      const reply = new Promise<DeviceReply>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(message.batch.sequence);
          reject(
            new Error(
              `LotLedger did not answer batch ${message.batch.sequence} within ${REPLY_TIMEOUT_MS / 1000} s: is its devices worker running?`,
            ),
          );
        }, REPLY_TIMEOUT_MS);
        waiting.set(message.batch.sequence, (answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
      });
      await client.publishAsync(batchesTopicOf(address), JSON.stringify(message), { qos: 1 });
      return reply;
    },
    close: () => client.endAsync(),
  };
}
