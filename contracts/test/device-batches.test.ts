import { id, type JsonRpcSigner, Wallet, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingBatchDigest, readingBatchSigner } from "@/lib/chain/reading-batch";
import {
  anchorCall,
  anchorSigned,
  batchArgs,
  batchFor,
  createNamedLot,
  domainOf,
  newDevice,
  signBatch,
} from "./cold-chain-fixtures";
import {
  deployTracker,
  eventsOf,
  GTIN,
  handOff,
  newAccount,
  newLotInput,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";
import { shipBatch } from "./shipment-fixtures";

// anchorDeviceReadings without a storage rule: whose device may vouch for a lot's readings, and
// which signed batches are refused. The runner sends every batch: the signature is the authority.

let tracker: LotTracker;
let runner: string;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let farmDevice: Wallet;
let carrierDevice: Wallet;

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

const refused = async (batch: ReturnType<typeof batchFor>, device: Wallet) =>
  revertOf(anchorCall(tracker, batch, await signBatch(tracker, device, batch)));

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

describe("a refused batch", () => {
  it("by another organisation's device, also a carrier's before the lot is handed to it", async () => {
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    expect(await refused(batchFor(lotCode), carrierDevice)).toEqual({
      name: "LotTrackerDeviceNotOfCustodian",
      args: [lotId, carrierDevice.address],
    });
  });

  it("by an unregistered key, or a revoked device", async () => {
    const { lotCode } = await createNamedLot(tracker, farm);
    const stranger = Wallet.createRandom();
    expect(await refused(batchFor(lotCode), stranger)).toEqual({
      name: "LotTrackerUnknownDevice",
      args: [stranger.address],
    });
    const revoked = await newDevice(tracker, farm);
    await send(tracker.connect(farm).revokeDevice(revoked.address));
    expect(await refused(batchFor(lotCode), revoked)).toEqual({
      name: "LotTrackerDeviceRevoked",
      args: [revoked.address],
    });
  });

  it("with a field changed after signing: another address is recovered, no device's", async () => {
    const { lotCode } = await createNamedLot(tracker, farm);
    const batch = batchFor(lotCode);
    const signature = await signBatch(tracker, farmDevice, batch);
    const tampered = { ...batch, maxMilliCelsius: batch.maxMilliCelsius - 1_000 };
    const recovered = readingBatchSigner(await domainOf(tracker), tampered, signature);
    expect(recovered).not.toBe(farmDevice.address);
    expect(await revertOf(anchorCall(tracker, tampered, signature))).toEqual({
      name: "LotTrackerUnknownDevice",
      args: [recovered],
    });
  });

  it("sent again, or with a sequence not above the device's last", async () => {
    const { lotCode } = await createNamedLot(tracker, farm);
    const batch = batchFor(lotCode);
    await anchorSigned(tracker, farmDevice, batch);
    const older = { ...batchFor(lotCode), sequence: batch.sequence - 1 };
    for (const stale of [batch, older]) {
      expect(await refused(stale, farmDevice)).toEqual({
        name: "LotTrackerStaleBatch",
        args: [farmDevice.address, BigInt(stale.sequence), BigInt(batch.sequence)],
      });
    }
  });

  it("with no root, no readings, an end before its start, or a minimum above its maximum", async () => {
    const { lotCode } = await createNamedLot(tracker, farm);
    for (const fields of [
      { readingsRoot: ZeroHash },
      { readingCount: 0 },
      { firstReadingAt: 1_764_748_741 },
      { minMilliCelsius: 4_801 },
    ]) {
      expect(await refused(batchFor(lotCode, fields), farmDevice)).toEqual({
        name: "LotTrackerInvalidReadingBatch",
        args: [],
      });
    }
  });

  it("for an unknown lot, or a lot consumed by a transformation", async () => {
    expect(await refused(batchFor("NO-SUCH-LOT"), farmDevice)).toEqual({
      name: "LotTrackerUnknownLot",
      args: [lotIdOf(GTIN, "NO-SUCH-LOT")],
    });
    const { lotId, lotCode } = await createNamedLot(tracker, farm);
    const other = await createNamedLot(tracker, farm);
    await send(tracker.connect(farm).merge([lotId, other.lotId], newLotInput().input, id("m")));
    expect(await refused(batchFor(lotCode), farmDevice)).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Consumed],
    });
  });
});
