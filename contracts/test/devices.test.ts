import { type JsonRpcSigner, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { newDevice } from "./cold-chain-fixtures";
import {
  deployTracker,
  eventsOf,
  newAccount,
  provider,
  revertOf,
  send,
  ZERO_ADDRESS,
} from "./fixtures";

// Data loggers (devices): a member registers the address of a logger's key pair and may revoke it;
// the contract's EIP-712 domain is the one lib/chain/reading-batch signs for.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
});

afterAll(() => provider.destroy());

describe("registerDevice", () => {
  it("registers a logger of any custody role's organisation, unrevoked, with no batch yet", async () => {
    for (const owner of [farm, carrier]) {
      const device = Wallet.createRandom().address;
      const receipt = await send(tracker.connect(owner).registerDevice(device));
      expect(eventsOf(tracker, receipt)).toEqual([
        { name: "DeviceRegistered", args: [device, owner.address] },
      ]);
      expect([...(await tracker.deviceOf(device))]).toEqual([owner.address, 0n, false]);
    }
  });

  it("refuses an account without a custody role", async () => {
    const regulator = await newAccount(tracker, ["REGULATOR"]);
    for (const account of [regulator, await newAccount(tracker)]) {
      expect(
        await revertOf(tracker.connect(account).registerDevice(Wallet.createRandom().address)),
      ).toEqual({ name: "LotTrackerMissingCustodyRole", args: [account.address] });
    }
  });

  it("refuses an address registered before, by anyone, and the zero address", async () => {
    const device = await newDevice(tracker, farm);
    for (const owner of [farm, carrier]) {
      expect(await revertOf(tracker.connect(owner).registerDevice(device.address))).toEqual({
        name: "LotTrackerDeviceExists",
        args: [device.address],
      });
    }
    expect(await revertOf(tracker.connect(farm).registerDevice(ZERO_ADDRESS))).toEqual({
      name: "LotTrackerDeviceExists",
      args: [ZERO_ADDRESS],
    });
  });
});

describe("revokeDevice", () => {
  it("lets the owner revoke its device once, for good", async () => {
    const device = await newDevice(tracker, farm);
    const receipt = await send(tracker.connect(farm).revokeDevice(device.address));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "DeviceRevoked", args: [device.address, farm.address] },
    ]);
    expect([...(await tracker.deviceOf(device.address))]).toEqual([farm.address, 0n, true]);
    expect(await revertOf(tracker.connect(farm).revokeDevice(device.address))).toEqual({
      name: "LotTrackerDeviceRevoked",
      args: [device.address],
    });
    // A revoked address cannot come back, not even under another owner.
    expect(await revertOf(tracker.connect(carrier).registerDevice(device.address))).toEqual({
      name: "LotTrackerDeviceExists",
      args: [device.address],
    });
  });

  it("refuses anyone but the owner, and a device never registered", async () => {
    const device = await newDevice(tracker, farm);
    expect(await revertOf(tracker.connect(carrier).revokeDevice(device.address))).toEqual({
      name: "LotTrackerNotDeviceOwner",
      args: [device.address, carrier.address],
    });
    expect((await tracker.deviceOf(device.address)).isRevoked).toBe(false);
    const unknown = Wallet.createRandom().address;
    expect(await revertOf(tracker.connect(farm).revokeDevice(unknown))).toEqual({
      name: "LotTrackerNotDeviceOwner",
      args: [unknown, farm.address],
    });
  });

  it("reads an unknown device as no owner", async () => {
    const unknown = Wallet.createRandom().address;
    expect([...(await tracker.deviceOf(unknown))]).toEqual([ZERO_ADDRESS, 0n, false]);
  });
});

describe("the EIP-712 domain devices sign for", () => {
  it("is the one lib/chain/reading-batch builds: LotLedger LotTracker, version 1, chain, contract", async () => {
    const { chainId } = await provider.getNetwork();
    const address = await tracker.getAddress();
    const domain = await tracker.eip712Domain();
    expect([domain.name, domain.version, domain.chainId, domain.verifyingContract]).toEqual([
      "LotLedger LotTracker",
      "1",
      chainId,
      address,
    ]);
  });
});
