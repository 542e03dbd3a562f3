import mqtt from "mqtt";
import { answerMessage, type IngestDeviceMessage } from "./answer-message";
import { DeviceQueues } from "./device-queues";
import { DEVICE_BATCHES_TOPIC, deviceOfTopic, repliesTopicOf } from "./topics";

type Options = {
  mqttUrl: string;
  ingest: IngestDeviceMessage;
  /**
   * The broker keeps this client's subscription and its unacknowledged QoS 1 messages while it is
   * away (a persistent session), so batches published during a restart wait for it.
   */
  clientId?: string;
  /** Devices stored at once; each device's batches one at a time, in order. */
  parallel?: number;
  /** Messages taken from the broker but not yet stored, at most; then the broker is held back. */
  capacity?: number;
  log?: (line: string) => void;
  /** Gives up waiting for an unreachable broker. */
  signal?: AbortSignal;
};

export type DeviceIngestion = {
  /** Stops taking messages, answers every one already taken, then disconnects. */
  stop(): Promise<void>;
};

/** How long a stop waits for the broker to confirm the last replies (they are on the wire already). */
const STOP_GRACE_MS = 2_000;

/**
 * Subscribes to every device's batches (QoS 1) and answers each on the device's replies topic. A
 * message is acknowledged to the broker once it is queued here — the reply is the device's receipt —
 * and the queue's bound holds the broker back when ingestion falls behind.
 */
export async function startDeviceIngestion({
  mqttUrl,
  ingest,
  clientId = "lotledger-devices",
  parallel = 8,
  capacity = parallel * 32,
  log = console.log,
  signal,
}: Options): Promise<DeviceIngestion> {
  const queues = new DeviceQueues(parallel, capacity);
  const client = mqtt.connect(mqttUrl, { clientId, clean: false, reconnectPeriod: 1_000 });
  let lastError = "";
  client.on("error", (error) => {
    if (error.message !== lastError) log(`devices: MQTT broker: ${error.message}; retrying`);
    lastError = error.message;
  });
  const unconfirmed = new Set<Promise<unknown>>();
  let isStopping = false;
  client.handleMessage = (packet, callback) => {
    // Unacknowledged, a message taken during the stop is the broker's to deliver again.
    if (isStopping) return;
    const device = deviceOfTopic(packet.topic) ?? packet.topic;
    const payload = Buffer.from(packet.payload);
    const job = async () => {
      const reply = await answerMessage(device, payload, ingest);
      if (reply.status === "rejected") {
        log(`devices: ${device} batch ${reply.sequence ?? "?"} rejected: ${reply.reason}`);
      }
      // Not awaited: the broker's PUBACK comes in behind the messages this client holds back while
      // the queue is full, so waiting for it here would wait for ever. Replies leave in order.
      const sent = client
        .publishAsync(repliesTopicOf(device), JSON.stringify(reply), { qos: 1 })
        .catch((error: Error) =>
          log(`devices: the reply to ${device} was not sent: ${error.message}`),
        )
        .finally(() => unconfirmed.delete(sent));
      unconfirmed.add(sent);
    };
    queues.admit(device.toLowerCase(), job).then(() => callback());
  };
  await new Promise<void>((resolve) => {
    client.once("connect", () => resolve());
    signal?.addEventListener("abort", () => resolve(), { once: true });
  });
  if (signal?.aborted) {
    await client.endAsync(true);
    return { stop: async () => {} };
  }
  const [granted] = await client.subscribeAsync(DEVICE_BATCHES_TOPIC, { qos: 1 });
  if (granted?.qos !== 1) {
    client.end(true);
    throw new Error(
      `The MQTT broker at ${mqttUrl.replace(/\/\/[^@/]*@/, "//***@")} refused LotLedger's subscription to ${DEVICE_BATCHES_TOPIC} at QoS 1: allow the client "${clientId}" to subscribe to it.`,
    );
  }
  log(`devices: taking data loggers' batches from ${DEVICE_BATCHES_TOPIC}`);
  return {
    async stop() {
      isStopping = true;
      await queues.idle();
      const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([Promise.all(unconfirmed), grace]);
      await client.endAsync(true);
    },
  };
}
