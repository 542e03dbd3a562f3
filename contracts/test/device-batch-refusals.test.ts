import { type HDNodeWallet, id, type JsonRpcSigner, Wallet, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingBatchSigner } from "@/lib/chain/reading-batch";
import {
  anchorCall,
  anchorSigned,
  batchFor,
  createNamedLot,
  domainOf,
  newDevice,
  signBatch,
} from "./cold-chain-fixtures";
import {
  deployTracker,
  GTIN,
  newAccount,
  newLotInput,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";

// anchorDeviceReadings without a storage rule: the signed batches it refuses, and why. The runner
// sends every batch: the signature is the authority.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let farmDevice: HDNodeWallet;
let carrierDevice: HDNodeWallet;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  farmDevice = await newDevice(tracker, farm);
  carrierDevice = await newDevice(tracker, carrier);
});

afterAll(() => provider.destroy());

const refused = async (batch: ReturnType<typeof batchFor>, device: HDNodeWallet) =>
  revertOf(anchorCall(tracker, batch, await signBatch(tracker, device, batch)));

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

  it("unsigned, or with a signature cut short", async () => {
    const { lotCode } = await createNamedLot(tracker, farm);
    const batch = batchFor(lotCode);
    const cut = (await signBatch(tracker, farmDevice, batch)).slice(0, 2 + 64 * 2);
    for (const [signature, length] of [
      ["0x", 0n],
      [cut, 64n],
    ] as const) {
      expect(await revertOf(anchorCall(tracker, batch, signature))).toEqual({
        name: "ECDSAInvalidSignatureLength",
        args: [length],
      });
    }
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
