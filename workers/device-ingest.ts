import type { Db } from "@/lib/db/client";
import type { IngestDeviceMessage } from "@/lib/device-mqtt";
import { ingestDeviceBatch } from "@/lib/devices";

// The ingestion core behind the devices worker (and bench:coldchain): lib/devices' ingestDeviceBatch
// checks, stores and queues the anchoring of each batch a logger publishes.

export function ingestOverMqtt(db: Db): IngestDeviceMessage {
  return ({ message, deviceAddress }) =>
    ingestDeviceBatch({ db, message, via: "mqtt", deviceAddress });
}
