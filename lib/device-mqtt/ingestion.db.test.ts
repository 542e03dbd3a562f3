import { Wallet } from "ethers";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startEmbeddedBroker } from "@/tools/stack/mqtt-broker";
import { startTestBroker } from "@/tools/testing/mqtt-broker";
import type { IngestDeviceMessage } from "./answer-message";
import { type DeviceIngestion, startDeviceIngestion } from "./ingestion";
import { type DeviceReply, deviceReplySchema } from "./reply";
import { batchesTopicOf, repliesTopicOf } from "./topics";

// The transport only, over a real broker (Mosquitto when CI's MQTT_URL names one, else aedes): the
// ingestion core is a stand-in here, recording what reaches it; lib/devices has its own tests.
// In the db project because CI gives that project its own Mosquitto.

type Call = { deviceAddress: string; sequence: number };
const calls: Call[] = [];
let running = 0;
let mostRunning = 0;
const logLines: string[] = [];

/** Accepts every batch after a pause that shrinks with its sequence (early ones finish last if run at once). */
const ingest: IngestDeviceMessage = async ({ message, deviceAddress }) => {
  const { sequence } = (message as { batch: { sequence: number } }).batch;
  running++;
  mostRunning = Math.max(mostRunning, running);
  await new Promise((resolve) => setTimeout(resolve, 60 - sequence * 10));
  running--;
  calls.push({ deviceAddress, sequence });
  if (sequence === 13) {
    throw new AppError("INVALID_INPUT", "Batch 13 of this device is not above its last (14).");
  }
  return { batchId: `batch-${deviceAddress.slice(2, 8)}-${sequence}`, readingCount: 1 };
};

let broker: { url: string; stop(): Promise<void> };
let ingestion: DeviceIngestion;
let logger: MqttClient;

beforeAll(async () => {
  broker = await startTestBroker();
  ingestion = await startDeviceIngestion({
    mqttUrl: broker.url,
    ingest,
    clientId: `lotledger-devices-test-${Date.now()}`,
    parallel: 4,
    log: (line) => logLines.push(line),
  });
  logger = await mqtt.connectAsync(broker.url, { clientId: `logger-${Date.now()}` });
});

afterAll(async () => {
  await logger?.endAsync();
  await ingestion?.stop();
  await broker?.stop();
});

/** Publishes `payloads` as `device`, in order, and returns the first `count` replies it hears. */
async function publishAs(
  device: string,
  payloads: string[],
  count = payloads.length,
  via = logger,
) {
  const replies: DeviceReply[] = [];
  const heard = new Promise<void>((resolve) => {
    via.on("message", (topic, payload) => {
      if (topic !== repliesTopicOf(device)) return;
      replies.push(deviceReplySchema.parse(JSON.parse(payload.toString())));
      if (replies.length === count) resolve();
    });
  });
  await via.subscribeAsync(repliesTopicOf(device), { qos: 1 });
  for (const payload of payloads) {
    await via.publishAsync(batchesTopicOf(device), payload, { qos: 1 });
  }
  await heard;
  return replies;
}

const batch = (sequence: number) =>
  JSON.stringify({ batch: { sequence }, signature: "0x", readings: [] });

describe("the devices worker over MQTT", () => {
  it("answers a payload that is not JSON with its sentence, and stores nothing", async () => {
    const device = Wallet.createRandom().address;
    const replies = await publishAs(device, ["{ not json"]);
    const sentence = `The message on lotledger/devices/${device}/batches is not JSON: publish the signed batch as one JSON object with "batch", "signature" and "readings" (docs/devices.md).`;
    expect(replies).toEqual([{ sequence: null, status: "rejected", reason: sentence }]);
    expect(calls.filter((call) => call.deviceAddress === device.toLowerCase())).toEqual([]);
    expect(logLines).toContain(`devices: ${device} batch ? rejected: ${sentence}`);
  });

  it("hands a batch to ingestion with the topic's device address and replies with its id", async () => {
    const device = Wallet.createRandom().address;
    const replies = await publishAs(device, [batch(7)]);
    expect(calls).toContainEqual({ deviceAddress: device.toLowerCase(), sequence: 7 });
    const batchId = `batch-${device.toLowerCase().slice(2, 8)}-7`;
    expect(replies).toEqual([{ sequence: 7, status: "accepted", batchId }]);
  });

  it("answers each device's batches in order while devices are served side by side", async () => {
    const devices = [0, 1, 2].map(() => Wallet.createRandom().address);
    mostRunning = 0;
    const sequences = [11, 12, 13, 14, 15];
    const answers = await Promise.all(
      devices.map((device) => publishAs(device, sequences.map(batch))),
    );
    for (const [device, replies] of devices.map((d, i) => [d, answers[i] ?? []] as const)) {
      expect(replies.map((reply) => reply.sequence)).toEqual(sequences);
      expect(replies[2]).toEqual({
        sequence: 13,
        status: "rejected",
        reason: "Batch 13 of this device is not above its last (14).",
      });
      const own = calls.filter((call) => call.deviceAddress === device.toLowerCase());
      expect(own.map((call) => call.sequence)).toEqual(sequences);
    }
    expect(mostRunning).toBeGreaterThan(1);
  });

  it("keeps answering when more batches arrive than it queues (the broker is held back)", async () => {
    // A broker of its own: on a shared one, the suite's worker would answer these batches too.
    const broker2 = await startEmbeddedBroker({ port: 0 });
    const narrow = await startDeviceIngestion({
      mqttUrl: broker2.url,
      ingest,
      clientId: `lotledger-devices-narrow-${Date.now()}`,
      parallel: 1,
      capacity: 2,
      log: () => {},
    });
    const device = Wallet.createRandom().address;
    const own = await mqtt.connectAsync(broker2.url, { clientId: `logger-narrow-${Date.now()}` });
    try {
      const sequences = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
      const replies = await publishAs(device, sequences.map(batch), sequences.length, own);
      expect(replies.map((reply) => reply.sequence)).toEqual(sequences);
    } finally {
      await own.endAsync();
      await narrow.stop();
      await broker2.stop();
    }
  });

  it("answers a topic that names no device address on that topic", async () => {
    const replies = await publishAs("truck-7", [batch(1)]);
    expect(replies).toEqual([
      {
        sequence: null,
        status: "rejected",
        reason:
          '"truck-7" is not a device address: publish to lotledger/devices/{the device key\'s 0x… address}/batches.',
      },
    ]);
  });
});
