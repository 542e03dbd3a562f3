import { AppError, toFailure } from "@/lib/errors";
import { type DeviceReply, sequenceOf } from "./reply";
import { isDeviceAddress } from "./topics";

/**
 * The ingestion core a message is handed to (lib/devices' ingestDeviceBatch, with the database and
 * `via` bound): stores the batch and queues its anchoring, or throws an AppError with the sentence.
 */
export type IngestDeviceMessage = (input: {
  message: unknown;
  deviceAddress: string;
}) => Promise<{ batchId: string; readingCount: number }>;

/**
 * The reply to one message published on `device`'s batches topic. Everything that can go wrong ends
 * in a rejected reply with its sentence: nothing a device sends can stop the worker.
 */
export async function answerMessage(
  device: string,
  payload: Buffer,
  ingest: IngestDeviceMessage,
): Promise<DeviceReply> {
  let message: unknown;
  try {
    if (!isDeviceAddress(device)) {
      throw new AppError(
        "INVALID_INPUT",
        `"${device}" is not a device address: publish to lotledger/devices/{the device key's 0x… address}/batches.`,
      );
    }
    try {
      message = JSON.parse(payload.toString("utf8"));
    } catch {
      throw new AppError(
        "INVALID_INPUT",
        `The message on lotledger/devices/${device}/batches is not JSON: publish the signed batch as one JSON object with "batch", "signature" and "readings" (docs/devices.md).`,
      );
    }
    const { batchId } = await ingest({ message, deviceAddress: device.toLowerCase() });
    return { sequence: sequenceOf(message), status: "accepted", batchId };
  } catch (error) {
    // An AppError's sentence as it is; anything else logged with an id the reply gives.
    const { message: reason } = toFailure(error, `devices ${device}`);
    return { sequence: sequenceOf(message), status: "rejected", reason };
  }
}
