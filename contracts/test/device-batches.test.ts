import type { HDNodeWallet, JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { readingBatchDigest } from "@/lib/chain/reading-batch";
import {
  anchorCall,
  anchorSigned,
  batchArgs,
  batchFor,
  createNamedLot,
  domainOf,
  newDevice,
} from "./cold-chain-fixtures";
import { deployTracker, eventsOf, handOff, newAccount, provider, send } from "./fixtures";
import { shipBatch } from "./shipment-fixtures";

// anchorDeviceReadings without a storage rule: whose device may vouch for a lot's readings. The
// runner sends every batch: the signature is the authority.

let tracker: LotTracker;
let runner: string;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let farmDevice: HDNodeWallet;
let carrierDevice: HDNodeWallet;

beforeAll(async () => {
  let admin: JsonRpcSigner;
  ({ tracker, admin } = await deployTracker());
  runner = admin.address;
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  farmDevice = await newDevice(tracker, farm);
  carrierDevice = await newDevice(tracker, carrier);
});

afterAll(() => provider.destroy());

describe("a batch signed by a device of the lot's holder", () => {
  it("is anchored with the batch, its device and sender, and becomes the device's last", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const batch = batchFor(lotCode);
    const receipt = await anchorSigned(tracker, farmDevice, batch);
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "DeviceReadingsAnchored",
        args: [lotId, farmDevice.address, runner, batchArgs(batch)],
      },
    ]);
    expect((await tracker.deviceOf(farmDevice.address)).lastSequence).toBe(BigInt(batch.sequence));
  });

  it("recovers the device from the digest lib/chain/reading-batch computes", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const batch = batchFor(lotCode, { minMilliCelsius: -1_500 });
    const digest = readingBatchDigest(await domainOf(tracker), batch);
    const signature = farmDevice.signingKey.sign(digest).serialized;
    const receipt = await send(anchorCall(tracker, batch, signature));
    expect(eventsOf(tracker, receipt)[0]?.args.slice(0, 2)).toEqual([lotId, farmDevice.address]);
  });

  it("accepts the device of the carrier the lot is in transit to, alone or in a shipment", async () => {
    const single = await createNamedLot(tracker, farm);
    await handOff(tracker, single.lotId, farm, carrier);
    const shipped = await createNamedLot(tracker, farm);
    await shipBatch(tracker, [shipped.lotId], farm, carrier);
    for (const { lotId, lotCode } of [single, shipped]) {
      const receipt = await anchorSigned(tracker, carrierDevice, batchFor(lotCode));
      expect(eventsOf(tracker, receipt)[0]?.args.slice(0, 2)).toEqual([
        lotId,
        carrierDevice.address,
      ]);
    }
  });
});
