import { type HDNodeWallet, id, type JsonRpcSigner, type TransactionReceipt, Wallet } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import {
  type ReadingBatch,
  readingBatchDomain,
  readingBatchStruct,
  signReadingBatch,
} from "@/lib/chain/reading-batch";
import { deployTracker, GTIN, newAccount, nextLotCode, provider, send } from "./fixtures";

// Shared by the tests of devices, their signed batches and the storage rule: data loggers are real
// key pairs (ethers Wallets) that sign the EIP-712 ReadingBatch through lib/chain/reading-batch, as a
// logger in the field does; the node sends, since anyone may send a signed batch.

/** The storage rule the rule tests set on GTIN: 2–8 °C, 30 minutes outside it allowed. */
export const RULE = { minMilliCelsius: 2_000, maxMilliCelsius: 8_000, allowedMinutes: 30 } as const;

/**
 * A new LotTracker with a farm (PRODUCER) and a carrier (CARRIER), a registered device of each, and
 * RULE set on GTIN by the farm, which holds its company prefix.
 */
export async function deployColdChain() {
  const { tracker } = await deployTracker();
  const farm = await newAccount(tracker, ["PRODUCER"]);
  const carrier = await newAccount(tracker, ["CARRIER"]);
  const { minMilliCelsius, maxMilliCelsius, allowedMinutes } = RULE;
  await send(
    tracker.connect(farm).setStorageRule(GTIN, minMilliCelsius, maxMilliCelsius, allowedMinutes),
  );
  const [farmDevice, carrierDevice] = [
    await newDevice(tracker, farm),
    await newDevice(tracker, carrier),
  ];
  return { tracker, farm, carrier, farmDevice, carrierDevice };
}

/** A lot created by `producer` under GTIN, with the lot code its batches name. */
export async function createNamedLot(tracker: LotTracker, producer: JsonRpcSigner) {
  const lotCode = nextLotCode();
  await send(
    tracker.connect(producer).createLot(BigInt(GTIN), encodeLotCode(lotCode), id("c"), id("s")),
  );
  return { lotId: lotIdOf(GTIN, lotCode), lotCode };
}

/** A new data logger key pair, registered on the contract by `owner`. */
export async function newDevice(tracker: LotTracker, owner: JsonRpcSigner): Promise<HDNodeWallet> {
  const device = Wallet.createRandom();
  await send(tracker.connect(owner).registerDevice(device.address));
  return device;
}

let sequence = 0;

/**
 * An hour of readings inside RULE, each call with a higher sequence than the last (so any device's
 * next batch is fresh); `fields` overrides any of them.
 */
export function batchFor(lotCode: string, fields: Partial<ReadingBatch> = {}): ReadingBatch {
  sequence += 1;
  return {
    gtin: GTIN,
    lotCode,
    readingsRoot: id(`root ${lotCode} ${sequence}`),
    readingCount: 60,
    sequence,
    firstReadingAt: 1_764_745_200,
    lastReadingAt: 1_764_748_740,
    minMilliCelsius: 3_100,
    maxMilliCelsius: 4_800,
    minutesOutsideRange: 0,
    ...fields,
  };
}

/** A batch that spent `minutes` above RULE's range, peaking at 11.5 °C. */
export const warmBatchFor = (lotCode: string, minutes: number) =>
  batchFor(lotCode, { maxMilliCelsius: 11_500, minutesOutsideRange: minutes });

export async function domainOf(tracker: LotTracker) {
  const { chainId } = await provider.getNetwork();
  return readingBatchDomain(chainId, await tracker.getAddress());
}

/** The device's signature of the batch for this deployment. */
export async function signBatch(tracker: LotTracker, device: HDNodeWallet, batch: ReadingBatch) {
  return signReadingBatch(device, await domainOf(tracker), batch);
}

/** anchorDeviceReadings as sent by the tracker's runner (no role needed): the unsent call. */
export function anchorCall(tracker: LotTracker, batch: ReadingBatch, signature: string) {
  return tracker.anchorDeviceReadings(readingBatchStruct(batch), signature);
}

/** Signs the batch with the device and anchors it; fails unless it was mined. */
export async function anchorSigned(
  tracker: LotTracker,
  device: HDNodeWallet,
  batch: ReadingBatch,
): Promise<TransactionReceipt> {
  return send(anchorCall(tracker, batch, await signBatch(tracker, device, batch)));
}

/** The batch as an event carries it (the ReadingBatch tuple, numbers as bigints). */
export function batchArgs(batch: ReadingBatch): unknown[] {
  return Object.values(readingBatchStruct(batch)).map((value) =>
    typeof value === "number" ? BigInt(value) : value,
  );
}
