import { id, type JsonRpcSigner } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { createLot, eventsOf, send } from "./fixtures";

// Shared by the tests of batched shipments and logistic units.

export const ShipmentState = { None: 0n, InTransit: 1n, Accepted: 2n, Rejected: 3n } as const;

/** `count` new lots created by `producer`. */
export async function createLots(
  tracker: LotTracker,
  producer: JsonRpcSigner,
  count: number,
): Promise<string[]> {
  const lotIds: string[] = [];
  for (let i = 0; i < count; i++) lotIds.push(await createLot(tracker, producer));
  return lotIds;
}

/** Ships the lots from `from` to `to` with handoffBatch; returns the shipment's number. */
export async function shipBatch(
  tracker: LotTracker,
  lotIds: string[],
  from: JsonRpcSigner,
  to: JsonRpcSigner,
): Promise<bigint> {
  const receipt = await send(tracker.connect(from).handoffBatch(lotIds, to.address, id("ship")));
  return eventsOf(tracker, receipt)[0]?.args[0] as bigint;
}

/** What shipmentOf returns, as a plain object. */
export async function shipmentState(tracker: LotTracker, shipment: bigint) {
  const [sender, recipient, state, lotCount, linkedCount] = await tracker.shipmentOf(shipment);
  return { sender, recipient, state, lotCount, linkedCount };
}

let serial = 0;

/**
 * A new SSCC under GS1's example company prefix 0614141 (which every test account holds), extension
 * digit 1, as the uint64 the contract takes; `prefix` gives one under another prefix.
 */
export function nextSscc(prefix = "0614141"): bigint {
  serial += 1;
  // 9 digits or fewer: unique within a run, and across runs on one chain most of the time.
  const reference = String((Date.now() % 1e5) * 1e4 + serial).padStart(16 - prefix.length, "0");
  const body = `1${prefix}${reference}`;
  return BigInt(`${body}${gs1CheckDigit(body)}`);
}
