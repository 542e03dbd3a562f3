// lib/device-mqtt, data loggers over MQTT: the topics a logger publishes its signed batches on and
// hears its replies on, and the ingestion loop that hands each batch to lib/devices in order per
// device. workers/devices.ts runs it; tools/device (the simulator) and bench/coldchain.ts speak it.
export type { IngestDeviceMessage } from "./answer-message";
export { type DeviceIngestion, startDeviceIngestion } from "./ingestion";
export { type DeviceReply, deviceReplySchema } from "./reply";
export {
  batchesTopicOf,
  DEVICE_BATCHES_TOPIC,
  deviceOfTopic,
  isDeviceAddress,
  repliesTopicOf,
} from "./topics";
