// The MQTT topics between a data logger and LotLedger, one pair per device, named by the device
// key's address: the logger publishes its signed batches on one and hears LotLedger's answers on
// the other (docs/devices.md).

/** What the devices worker subscribes to: every device's batches. */
export const DEVICE_BATCHES_TOPIC = "lotledger/devices/+/batches";

const BATCHES_TOPIC = /^lotledger\/devices\/([^/]+)\/batches$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** Where a device publishes its batches. */
export const batchesTopicOf = (device: string) => `lotledger/devices/${device}/batches`;

/** Where LotLedger answers a device, batch by batch. */
export const repliesTopicOf = (device: string) => `lotledger/devices/${device}/replies`;

/** The topic's device segment as published (its replies go back there), or null for another topic. */
export function deviceOfTopic(topic: string): string | null {
  return BATCHES_TOPIC.exec(topic)?.[1] ?? null;
}

export const isDeviceAddress = (text: string) => ADDRESS.test(text);
