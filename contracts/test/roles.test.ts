import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeLotTrackerError } from "@/lib/chain/errors";
import type { LotTracker } from "@/lib/chain/generated";
import {
  createLot,
  deployTracker,
  eventsOf,
  newAccount,
  provider,
  revertOf,
  roleId,
  send,
  setRoles,
  transfer,
} from "./fixtures";

// Grants and revocations go through AccessControl and, in the same call, the contract's one-slot
// mirror of them (LotTrackerRoles). These tests check the two never disagree, whatever the path.

let tracker: LotTracker;
let admin: JsonRpcSigner;
let farm: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker, admin } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
});

afterAll(() => provider.destroy());

/** Whether `account` can take custody right now: a lot is handed off to it and it accepts. */
async function canHoldLots(account: JsonRpcSigner): Promise<boolean> {
  const lotId = await createLot(tracker, farm);
  try {
    await transfer(tracker, lotId, farm, account);
    return true;
  } catch (error) {
    expect(decodeLotTrackerError(error)).toEqual({
      name: "LotTrackerInvalidRecipient",
      args: [lotId, account.address],
    });
    return false;
  }
}

describe("role grants", () => {
  it("emit only AccessControl's RoleGranted and RoleRevoked", async () => {
    const account = await newAccount(tracker);
    const role = roleId("CARRIER");
    const granted = await send(tracker.grantRole(role, account.address));
    expect(eventsOf(tracker, granted)).toEqual([
      { name: "RoleGranted", args: [role, account.address, admin.address] },
    ]);
    const revoked = await send(tracker.revokeRole(role, account.address));
    expect(eventsOf(tracker, revoked)).toEqual([
      { name: "RoleRevoked", args: [role, account.address, admin.address] },
    ]);
  });

  it("take effect at once and are undone by revokeRole and renounceRole", async () => {
    const account = await newAccount(tracker);
    expect(await canHoldLots(account)).toBe(false);
    await send(tracker.grantRole(roleId("CARRIER"), account.address));
    expect(await canHoldLots(account)).toBe(true);
    await send(tracker.revokeRole(roleId("CARRIER"), account.address));
    expect(await canHoldLots(account)).toBe(false);
    await send(tracker.grantRole(roleId("RETAILER"), account.address));
    expect(await canHoldLots(account)).toBe(true);
    await send(tracker.connect(account).renounceRole(roleId("RETAILER"), account.address));
    expect(await canHoldLots(account)).toBe(false);
  });

  it("keep an account with two roles able to act when one is revoked", async () => {
    const account = await newAccount(tracker, ["CARRIER", "RETAILER"]);
    await send(tracker.revokeRole(roleId("CARRIER"), account.address));
    expect(await canHoldLots(account)).toBe(true);
  });

  it("of the admin role or another role give no custody", async () => {
    const account = await newAccount(tracker);
    await send(tracker.grantRole(await tracker.DEFAULT_ADMIN_ROLE(), account.address));
    await send(tracker.grantRole(id("AUDITOR_ROLE"), account.address));
    expect(await canHoldLots(account)).toBe(false);
  });

  it("are refused to anyone but the admin", async () => {
    const account = await newAccount(tracker, ["REGULATOR"]);
    const adminRole = await tracker.DEFAULT_ADMIN_ROLE();
    const as = tracker.connect(account);
    // Thunks, not promises: a second call started early would reject unobserved while the first runs.
    for (const call of [
      () => as.grantRole(roleId("PRODUCER"), account.address),
      () => as.revokeRole(roleId("PRODUCER"), farm.address),
    ]) {
      expect(await revertOf(call())).toEqual({
        name: "AccessControlUnauthorizedAccount",
        args: [account.address, adminRole],
      });
    }
    const renounceForOther = as.renounceRole(roleId("PRODUCER"), farm.address);
    expect(await revertOf(renounceForOther)).toEqual({
      name: "AccessControlBadConfirmation",
      args: [],
    });
  });

  it("a repeated grant or revoke changes nothing", async () => {
    const account = await newAccount(tracker, ["CARRIER"]);
    const again = await send(tracker.grantRole(roleId("CARRIER"), account.address));
    expect(eventsOf(tracker, again)).toEqual([]);
    expect(await canHoldLots(account)).toBe(true);
    await setRoles(tracker, account.address, []);
    const twice = await send(tracker.revokeRole(roleId("CARRIER"), account.address));
    expect(eventsOf(tracker, twice)).toEqual([]);
    expect(await canHoldLots(account)).toBe(false);
  });
});

describe("participant ids", () => {
  it("keep naming the producer after its roles change", async () => {
    const producer = await newAccount(tracker, ["PRODUCER"]);
    const lotId = await createLot(tracker, producer);
    await setRoles(tracker, producer.address, []);
    expect(await tracker.producerOf(lotId)).toBe(producer.address);
    await setRoles(tracker, producer.address, ["CARRIER", "PRODUCER"]);
    expect(await tracker.producerOf(lotId)).toBe(producer.address);
    // Re-granted, it is again the lot's producer, so it may recall it.
    await send(tracker.connect(producer).recall(lotId, id("reason")));
    expect(await tracker.recallerOf(lotId)).toBe(producer.address);
  });

  it("are distinct per account: one producer cannot act as another", async () => {
    const [first, second] = [
      await newAccount(tracker, ["PRODUCER"]),
      await newAccount(tracker, ["PRODUCER"]),
    ];
    const lotId = await createLot(tracker, first);
    expect(await revertOf(tracker.connect(second).recall(lotId, id("reason")))).toEqual({
      name: "LotTrackerUnauthorizedRecall",
      args: [lotId, second.address],
    });
  });
});
