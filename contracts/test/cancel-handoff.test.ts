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

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

describe("cancelHandoff", () => {
  it("returns a lot in transit to the sender, active, with no pending recipient", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    const payloadHash = id("wrong truck booked");
    const receipt = await send(tracker.connect(farm).cancelHandoff(lotId, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotHandoffCancelled", args: [lotId, farm.address, carrier.address, payloadHash] },
    ]);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: farm.address,
      status: Status.Active,
      producer: farm.address,
      recipient: ZERO_ADDRESS,
      recaller: ZERO_ADDRESS,
    });
  });

  it("leaves the former recipient no say, and lets the sender ship it elsewhere", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    await send(tracker.connect(farm).cancelHandoff(lotId, id("c")));
    expect(await revertOf(tracker.connect(carrier).acceptHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Active],
    });
    await transfer(tracker, lotId, farm, retailer);
    expect(await tracker.custodianOf(lotId)).toBe(retailer.address);
  });

  it("refuses the recipient and any other caller who does not hold the lot", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    for (const signer of [carrier, retailer]) {
      expect(await revertOf(tracker.connect(signer).cancelHandoff(lotId, id("x")))).toEqual({
        name: "LotTrackerNotCustodian",
        args: [lotId, signer.address],
      });
    }
    expect(await revertOf(tracker.connect(regulator).cancelHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerMissingCustodyRole",
      args: [regulator.address],
    });
  });

  it("refuses a lot that is not in transit", async () => {
    const lotId = await createLot(tracker, farm);
    expect(await revertOf(tracker.connect(farm).cancelHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Active],
    });
  });

  it("refuses once the recipient accepted: the sender no longer holds the lot", async () => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    expect(await revertOf(tracker.connect(farm).cancelHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, farm.address],
    });
  });

  it("refuses a recalled lot until the recall is lifted, then the handoff can be cancelled", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    await send(tracker.connect(regulator).recall(lotId, id("r")));
    expect(await revertOf(tracker.connect(farm).cancelHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Recalled],
    });
    await send(tracker.connect(regulator).liftRecall(lotId, id("lift")));
    await send(tracker.connect(farm).cancelHandoff(lotId, id("x")));
    expect(await tracker.statusOf(lotId)).toBe(Status.Active);
  });

  it("refuses an unknown lot, and a sender whose custody roles were revoked", async () => {
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(farm).cancelHandoff(unknown, id("x")))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [unknown],
    });
    const former = await newAccount(tracker, ["PRODUCER"]);
    const lotId = await createLot(tracker, former);
    await handOff(tracker, lotId, former, carrier);
    await setRoles(tracker, former.address, []);
    expect(await revertOf(tracker.connect(former).cancelHandoff(lotId, id("x")))).toEqual({
      name: "LotTrackerMissingCustodyRole",
      args: [former.address],
    });
    // The recipient can still answer, so the lot is not stranded.
    await send(tracker.connect(carrier).rejectHandoff(lotId, id("no")));
    expect(await tracker.statusOf(lotId)).toBe(Status.Active);
  });
});
