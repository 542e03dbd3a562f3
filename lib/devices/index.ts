// lib/devices, the one door to an organisation's data loggers: registering, revoking and attaching
// them (each with its ledger write where the contract must know), and ingesting the batches of
// readings they sign (MQTT or HTTPS: checked, stored and queued for anchorDeviceReadings), then
// reading a lot's device batches back with their signature, root and anchor verified.
// Device.status is the indexer's to set (DeviceRegistered, DeviceRevoked); nothing here exposes it.
import "server-only";

export { attachDevice } from "./attach-device";
export { findAttachTargets } from "./attach-targets";
export { type BatchFacts, batchFactsOf, type MilliRange } from "./batch-facts";
export {
  type DeviceBatchMessage,
  type DeviceReading,
  MAX_BATCH_READINGS,
  parseBatchMessage,
} from "./batch-message";
export { type DeviceBatchView, getDeviceBatches } from "./device-batches";
export { type DeviceSummary, findDevices } from "./find-devices";
export { type IngestedBatch, ingestDeviceBatch } from "./ingest-batch";
export { assertMayManageDevices, registerDevice } from "./register-device";
export { revokeDevice } from "./revoke-device";
