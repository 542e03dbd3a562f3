import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import {
  createLot,
  deployTracker,
  eventsOf,
  GTIN,
  handOff,
  lotState,
  newAccount,
  nextLotCode,
  provider,
  revertOf,
  roleId,
  Status,
  send,
  setRoles,
  transfer,
  ZERO_ADDRESS,
} from "./fixtures";

let tracker: LotTracker;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;
let regulator: JsonRpcSigner;
let outsider: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
  outsider = await newAccount(tracker);
});

afterAll(() => provider.destroy());

describe("handoff", () => {
  it("puts the lot in transit to the named recipient; the sender stays custodian", async () => {
    const lotId = await createLot(tracker, farm);
    const payloadHash = id("shipping to carrier");
    const receipt = await send(tracker.connect(farm).handoff(lotId, carrier.address, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotHandedOff", args: [lotId, farm.address, carrier.address, payloadHash] },
    ]);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: farm.address,
      status: Status.InTransit,
      producer: farm.address,
      recipient: carrier.address,
      recaller: ZERO_ADDRESS,
    });
  });

  it("refuses an unknown lot", async () => {
    const lotId = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(farm).handoff(lotId, carrier.address, id("x")))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [lotId],
    });
  });

  it("refuses a caller who does not hold the lot, even one with a custody role", async () => {
    const lotId = await createLot(tracker, farm);
    const call = tracker.connect(carrier).handoff(lotId, retailer.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, carrier.address],
    });
  });

  it("refuses a lot already in transit", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    const call = tracker.connect(farm).handoff(lotId, retailer.address, id("again"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.InTransit],
    });
  });

  it.each([
    ["the sender itself", () => farm.address],
    ["the zero address", () => ZERO_ADDRESS],
    ["an account without a role", () => outsider.address],
    ["a regulator, who never holds lots", () => regulator.address],
  ])("refuses %s as recipient", async (_, recipient) => {
    const lotId = await createLot(tracker, farm);
    const call = tracker.connect(farm).handoff(lotId, recipient(), id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerInvalidRecipient",
      args: [lotId, recipient()],
    });
  });

  it("refuses the zero address even when an admin granted it a role", async () => {
    await send(tracker.grantRole(roleId("CARRIER"), ZERO_ADDRESS));
    const lotId = await createLot(tracker, farm);
    const call = tracker.connect(farm).handoff(lotId, ZERO_ADDRESS, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerInvalidRecipient",
      args: [lotId, ZERO_ADDRESS],
    });
  });

  it("refuses a recipient whose custody role was revoked", async () => {
    const former = await newAccount(tracker, ["CARRIER"]);
    await setRoles(tracker, former.address, []);
    const lotId = await createLot(tracker, farm);
    const call = tracker.connect(farm).handoff(lotId, former.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerInvalidRecipient",
      args: [lotId, former.address],
    });
  });
});

describe("acceptHandoff", () => {
  it("moves custody to the recipient and makes the lot active", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    const payloadHash = id("receiving at cross-dock");
    const receipt = await send(tracker.connect(carrier).acceptHandoff(lotId, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotHandoffAccepted", args: [lotId, carrier.address, farm.address, payloadHash] },
    ]);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: carrier.address,
      status: Status.Active,
      producer: farm.address,
      recipient: ZERO_ADDRESS,
      recaller: ZERO_ADDRESS,
    });
  });

  it("refuses everyone but the named recipient, including the sender", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    for (const signer of [farm, retailer]) {
      expect(await revertOf(tracker.connect(signer).acceptHandoff(lotId, id("x")))).toEqual({
        name: "LotTrackerNotRecipient",
        args: [lotId, signer.address],
      });
    }
  });

  it("refuses a lot that is not in transit, so a handoff is accepted once", async () => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    expect(await revertOf(tracker.connect(carrier).acceptHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Active],
    });
  });

  it("refuses an unknown lot", async () => {
    const lotId = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(carrier).acceptHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [lotId],
    });
  });

  it("keeps handoff + accept within 75,000 gas", async () => {
    const lotId = await createLot(tracker, farm);
    const handoff = await send(tracker.connect(farm).handoff(lotId, carrier.address, id("s")));
    const accept = await send(tracker.connect(carrier).acceptHandoff(lotId, id("r")));
    expect(handoff.gasUsed + accept.gasUsed).toBeLessThanOrEqual(75_000n);
  });
});

describe("rejectHandoff", () => {
  it("returns the lot to the sender, active, with no pending recipient", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    const payloadHash = id("temperature out of range");
    const receipt = await send(tracker.connect(carrier).rejectHandoff(lotId, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotHandoffRejected", args: [lotId, carrier.address, farm.address, payloadHash] },
    ]);
    expect(await lotState(tracker, lotId)).toMatchObject({
      custodian: farm.address,
      status: Status.Active,
      recipient: ZERO_ADDRESS,
    });
    // The sender can ship it again, to someone else.
    await transfer(tracker, lotId, farm, retailer);
    expect(await tracker.custodianOf(lotId)).toBe(retailer.address);
  });

  it("refuses everyone but the named recipient", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    for (const signer of [farm, retailer, outsider]) {
      expect(await revertOf(tracker.connect(signer).rejectHandoff(lotId, id("x")))).toEqual({
        name: "LotTrackerNotRecipient",
        args: [lotId, signer.address],
      });
    }
  });

  it("refuses a lot that is not in transit, and an unknown lot", async () => {
    const lotId = await createLot(tracker, farm);
    expect(await revertOf(tracker.connect(carrier).rejectHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Active],
    });
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(carrier).rejectHandoff(unknown, id("x")))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [unknown],
    });
  });
});

describe("chain of custody", () => {
  it("follows farm → carrier → retailer with one custodian at every step", async () => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    await transfer(tracker, lotId, carrier, retailer);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: retailer.address,
      status: Status.Active,
      producer: farm.address,
      recipient: ZERO_ADDRESS,
      recaller: ZERO_ADDRESS,
    });
    // Former custodians have no say any more.
    expect(await revertOf(tracker.connect(farm).handoff(lotId, carrier.address, id("x")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, farm.address],
    });
  });
});
