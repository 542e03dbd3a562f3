import { type HDNodeWallet, id, type JsonRpcSigner, Wallet } from "ethers";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode } from "@/lib/chain/lot-id";
import { type ReadingBatch, readingBatchStruct, signReadingBatch } from "@/lib/chain/reading-batch";
import { batchArgs, domainOf } from "../cold-chain-fixtures";
import { send } from "../fixtures";
import { type ColdChainLotModel, MODEL_RULE } from "./cold-chain-model";
import { CUSTODY, S } from "./lot-model";
import { GTINS, type randomFrom, type Step } from "./random-steps";

// The cold-chain steps of the property test: a device's signed batch on a lot (mostly by the device
// of its custodian or of the carrier it travels to, mostly inside the range, sometimes long enough
// outside it to hold the lot), its holder trying to ship a held lot, and releasing it, an owner
// revoking its device.

type Random = ReturnType<typeof randomFrom>;

export type DeviceContext = {
  random: Random;
  tracker: LotTracker;
  model: ColdChainLotModel;
  /** The device of each account that registered one, by owner. */
  devices: ReadonlyMap<string, HDNodeWallet>;
  addresses: readonly string[];
  as(address: string): LotTracker;
};

/**
 * Registers a device of every account with a custody role (on the chain and in the model), and sets
 * MODEL_RULE on every GTIN of the test as the first account (every test account holds their prefixes).
 */
export async function setUpColdChain(
  tracker: LotTracker,
  model: ColdChainLotModel,
  accounts: readonly JsonRpcSigner[],
): Promise<Map<string, HDNodeWallet>> {
  const devices = new Map<string, HDNodeWallet>();
  for (const account of accounts) {
    if (!model.has(account.address, ...CUSTODY)) continue;
    const device = Wallet.createRandom();
    await send(tracker.connect(account).registerDevice(device.address));
    model.registerDevice(account.address, device.address);
    devices.set(account.address, device);
  }
  const { min, max, allowedMinutes } = MODEL_RULE;
  for (const gtin of GTINS) {
    await send(
      tracker.connect(accounts[0] as JsonRpcSigner).setStorageRule(gtin, min, max, allowedMinutes),
    );
  }
  return devices;
}

/** Never registered: its batches are refused as an unknown device's. */
const stranger = Wallet.createRandom();
let sequence = 0;

function batchStep(context: DeviceContext, lotId: string): Step {
  const { random, tracker, model, devices, addresses, as } = context;
  const lot = model.view(lotId);
  const party = lot?.status === S.InTransit && random.chance(0.5) ? lot.recipient : lot?.custodian;
  const owner = party && random.chance(0.8) ? party : random.pick(addresses);
  const device =
    devices.get(owner) ?? (random.chance(0.3) ? stranger : random.pick([...devices.values()]));
  const tlc = model.tlcs.get(lotId) ?? {
    gtin: "00614141000012",
    lotCode: "L99",
    encodedLotCode: encodeLotCode("L99"),
  };
  const minutes = random.pick([0, 0, 10, 40, 40]);
  const isOutside = minutes > 0 || random.chance(0.05);
  sequence += 1;
  const batch: ReadingBatch = {
    gtin: tlc.gtin,
    lotCode: tlc.lotCode,
    readingsRoot: id(`readings ${sequence}`),
    readingCount: 60,
    sequence,
    firstReadingAt: 1_764_745_200,
    lastReadingAt: 1_764_748_740,
    minMilliCelsius: 3_100,
    maxMilliCelsius: isOutside ? 11_500 : 4_800,
    minutesOutsideRange: minutes,
  };
  const sender = random.pick(addresses);
  const modelBatch = {
    device: device.address,
    tlc,
    root: batch.readingsRoot,
    low: BigInt(batch.minMilliCelsius),
    high: BigInt(batch.maxMilliCelsius),
    minutes,
    tuple: batchArgs(batch),
  };
  return {
    label: `anchorDeviceReadings ${lotId} (${minutes} min outside) by ${device.address}`,
    predict: () => model.anchorDeviceReadings(sender, modelBatch),
    send: async () => {
      const signature = await signReadingBatch(device, await domainOf(tracker), batch);
      return as(sender).anchorDeviceReadings(readingBatchStruct(batch), signature);
    },
  };
}

/** A device step on `lotId` (a random lot, sometimes unknown). */
export function deviceStep(context: DeviceContext, lotId: string, payload: string): Step {
  const { random, model, devices, addresses, as } = context;
  const lot = model.view(lotId);
  if (lot && model.onHold.has(lotId) && random.chance(0.4)) {
    // Its holder tries to ship it anyway, as staff who missed the hold would.
    const recipient = random.pick(addresses);
    return {
      label: `handoff of held ${lotId} by ${lot.custodian} to ${recipient}`,
      predict: () => model.handoff(lot.custodian, lotId, recipient, payload),
      send: () => as(lot.custodian).handoff(lotId, recipient, payload),
    };
  }
  if (model.onHold.has(lotId) && random.chance(0.5)) {
    const account = lot && random.chance(0.75) ? lot.custodian : random.pick(addresses);
    return {
      label: `releaseHold ${lotId} by ${account}`,
      predict: () => model.releaseHold(account, lotId, payload),
      send: () => as(account).releaseHold(lotId, payload),
    };
  }
  if (random.chance(0.03)) {
    const [owner, device] = random.pick([...devices]);
    const account = random.chance(0.8) ? owner : random.pick(addresses);
    return {
      label: `revokeDevice ${device.address} by ${account}`,
      predict: () => model.revokeDevice(account, device.address),
      send: () => as(account).revokeDevice(device.address),
    };
  }
  return batchStep(context, lotId);
}
