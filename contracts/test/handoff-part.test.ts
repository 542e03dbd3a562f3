import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  createLot,
  deployTracker,
  eventsOf,
  handOff,
  Kind,
  lotState,
  newAccount,
  newLotInput,
  provider,
  revertOf,
  roleId,
  Status,
  send,
  ZERO_ADDRESS,
} from "./fixtures";

let tracker: LotTracker;
let packer: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  packer = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
});

afterAll(() => provider.destroy());

function derived(lot: ReturnType<typeof newLotInput>, payloadHash: string, parent: string) {
  const { gtin, lotCode, serialsRoot } = lot.input;
  return {
    name: "LotDerived",
    args: [
      lot.lotId,
      packer.address,
      Kind.Split,
      gtin,
      lotCode,
      payloadHash,
      serialsRoot,
      [parent],
    ],
  };
}

describe("handoffPart", () => {
  it("splits the lot and ships the first part in one transaction; the rest stays", async () => {
    const parent = await createLot(tracker, packer);
    const [shipped, remainder] = [newLotInput(), newLotInput()];
    const payloadHash = id("shipping 60 of 200 kg");
    const call = tracker.connect(packer).handoffPart;
    const args = [parent, shipped.input, remainder.input, carrier.address, payloadHash] as const;
    expect(await call.staticCall(...args)).toEqual([shipped.lotId, remainder.lotId]);

    const receipt = await send(call(...args));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotConsumed", args: [parent, packer.address, Kind.Split] },
      derived(shipped, payloadHash, parent),
      derived(remainder, payloadHash, parent),
      { name: "LotHandedOff", args: [shipped.lotId, packer.address, carrier.address, payloadHash] },
    ]);
    expect(await tracker.statusOf(parent)).toBe(Status.Consumed);
    expect(await lotState(tracker, shipped.lotId)).toEqual({
      custodian: packer.address,
      status: Status.InTransit,
      producer: packer.address,
      recipient: carrier.address,
      recaller: ZERO_ADDRESS,
    });
    expect(await lotState(tracker, remainder.lotId)).toMatchObject({
      custodian: packer.address,
      status: Status.Active,
      recipient: ZERO_ADDRESS,
    });
    // The shipped part then travels like any lot.
    await send(tracker.connect(carrier).acceptHandoff(shipped.lotId, id("r")));
    expect(await tracker.custodianOf(shipped.lotId)).toBe(carrier.address);
  });

  it("refuses a caller who is not a PRODUCER, as split does", async () => {
    const lotId = await createLot(tracker, packer);
    await send(tracker.connect(packer).handoff(lotId, retailer.address, id("s")));
    await send(tracker.connect(retailer).acceptHandoff(lotId, id("r")));
    const call = tracker
      .connect(retailer)
      .handoffPart(lotId, newLotInput().input, newLotInput().input, carrier.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [retailer.address, roleId("PRODUCER")],
    });
  });

  it("refuses a lot that is in transit, and leaves it untouched", async () => {
    const lotId = await createLot(tracker, packer);
    await handOff(tracker, lotId, packer, carrier);
    const call = tracker
      .connect(packer)
      .handoffPart(lotId, newLotInput().input, newLotInput().input, retailer.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.InTransit],
    });
    expect(await tracker.statusOf(lotId)).toBe(Status.InTransit);
  });

  it("refuses an invalid recipient, so the split is undone too", async () => {
    const lotId = await createLot(tracker, packer);
    const shipped = newLotInput();
    const call = tracker
      .connect(packer)
      .handoffPart(lotId, shipped.input, newLotInput().input, packer.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerInvalidRecipient",
      args: [shipped.lotId, packer.address],
    });
    expect(await tracker.statusOf(lotId)).toBe(Status.Active);
    expect(await tracker.statusOf(shipped.lotId)).toBe(Status.None);
  });

  it("refuses a part that reuses an existing lot code, or the same code for both parts", async () => {
    const lotId = await createLot(tracker, packer);
    const shipped = newLotInput();
    const call = tracker
      .connect(packer)
      .handoffPart(lotId, shipped.input, shipped.input, carrier.address, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerLotExists",
      args: [shipped.lotId],
    });
  });
});
