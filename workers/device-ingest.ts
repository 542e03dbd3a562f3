import type { Db } from "@/lib/db/client";
import type { IngestDeviceMessage } from "@/lib/device-mqtt";
import { AppError } from "@/lib/errors";

// The ingestion core behind the devices worker: lib/devices' ingestDeviceBatch, which checks,
// stores and queues the anchoring of each batch. Until lib/devices is merged (branch c19-ingest)
// every batch is refused with a sentence saying so; at the merge this body becomes
//   ({ message, deviceAddress }) => ingestDeviceBatch({ db, message, via: "mqtt", deviceAddress })

export function ingestOverMqtt(_db: Db): IngestDeviceMessage {
  return async () => {
    throw new AppError(
      "CONFLICT",
      "This LotLedger does not store device batches yet: keep the batch and publish it again after the upgrade.",
    );
  };
}
