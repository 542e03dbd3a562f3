import { id, type JsonRpcSigner, ZeroHash } from "ethers";
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
  newLotInput,
  nextLotCode,
  provider,
  revertOf,
  Status,
  send,
  setRoles,
  transfer,
  ZERO_ADDRESS,
} from "./fixtures";

const REASON = id("Listeria monocytogenes in sample 42");
const LIFTED = id("retest negative");

let tracker: LotTracker;
let farm: JsonRpcSigner;
let otherFarm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;
let otherRetailer: JsonRpcSigner;
let regulator: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  otherFarm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
  otherRetailer = await newAccount(tracker, ["RETAILER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

describe("recall", () => {
  it("marks the lot recalled by the caller, keeps its custodian, and costs at most 35,000 gas", async () => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    const receipt = await send(tracker.connect(retailer).recall(lotId, REASON));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotRecalled", args: [lotId, retailer.address, REASON] },
    ]);
    expect(await lotState(tracker, lotId)).toEqual({
      custodian: carrier.address,
      status: Status.Recalled,
      producer: farm.address,
      recipient: ZERO_ADDRESS,
      recaller: retailer.address,
    });
    expect(receipt.gasUsed).toBeLessThanOrEqual(35_000n);
  });

  it.each([
    ["a retailer", () => retailer],
    ["a regulator", () => regulator],
    ["the lot's producer", () => farm],
  ])("is allowed to %s", async (_, signer) => {
    const lotId = await createLot(tracker, farm);
    await send(tracker.connect(signer()).recall(lotId, REASON));
    expect(await tracker.recallerOf(lotId)).toBe(signer().address);
  });

  it.each([
    ["another producer", () => otherFarm],
    ["a carrier, even the custodian", () => carrier],
  ])("is refused to %s", async (_, signer) => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    expect(await revertOf(tracker.connect(signer()).recall(lotId, REASON))).toEqual({
      name: "LotTrackerUnauthorizedRecall",
      args: [lotId, signer().address],
    });
  });

  it("is refused to the lot's producer once its PRODUCER role is revoked", async () => {
    const former = await newAccount(tracker, ["PRODUCER"]);
    const lotId = await createLot(tracker, former);
    await setRoles(tracker, former.address, ["CARRIER"]);
    expect(await revertOf(tracker.connect(former).recall(lotId, REASON))).toEqual({
      name: "LotTrackerUnauthorizedRecall",
      args: [lotId, former.address],
    });
  });

  it("refuses an unknown lot, an empty reason, and a lot already recalled", async () => {
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(regulator).recall(unknown, REASON))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [unknown],
    });
    const lotId = await createLot(tracker, farm);
    expect(await revertOf(tracker.connect(regulator).recall(lotId, ZeroHash))).toEqual({
      name: "LotTrackerEmptyReason",
      args: [],
    });
    await send(tracker.connect(retailer).recall(lotId, REASON));
    expect(await revertOf(tracker.connect(regulator).recall(lotId, REASON))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Recalled],
    });
  });

  it("freezes a lot: no handoff, split, merge or transform while recalled", async () => {
    const lotId = await createLot(tracker, farm);
    const other = await createLot(tracker, farm);
    await send(tracker.connect(regulator).recall(lotId, REASON));
    const frozen = { name: "LotTrackerUnexpectedStatus", args: [lotId, Status.Recalled] };
    const as = tracker.connect(farm);
    const [a, b] = [newLotInput().input, newLotInput().input];
    expect(await revertOf(as.handoff(lotId, carrier.address, id("x")))).toEqual(frozen);
    expect(await revertOf(as.split(lotId, [a, b], id("x")))).toEqual(frozen);
    expect(await revertOf(as.merge([other, lotId], a, id("x")))).toEqual(frozen);
    expect(await revertOf(as.transform([lotId], [a], id("x")))).toEqual(frozen);
    expect(await tracker.statusOf(other)).toBe(Status.Active);
  });

  it("suspends a pending handoff: the recipient can neither accept nor reject", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    await send(tracker.connect(regulator).recall(lotId, REASON));
    const frozen = { name: "LotTrackerUnexpectedStatus", args: [lotId, Status.Recalled] };
    expect(await revertOf(tracker.connect(carrier).acceptHandoff(lotId, id("x")))).toEqual(frozen);
    expect(await revertOf(tracker.connect(carrier).rejectHandoff(lotId, id("x")))).toEqual(frozen);
    expect(await tracker.pendingRecipientOf(lotId)).toBe(carrier.address);
  });
});

describe("liftRecall", () => {
  it.each([
    ["active", Status.Active],
    ["in transit", Status.InTransit],
    ["consumed", Status.Consumed],
  ])("restores a lot recalled while %s to that status", async (_, before) => {
    const lotId = await createLot(tracker, farm);
    if (before === Status.InTransit) await handOff(tracker, lotId, farm, carrier);
    if (before === Status.Consumed) {
      await send(tracker.connect(farm).transform([lotId], [newLotInput().input], id("t")));
    }
    await send(tracker.connect(retailer).recall(lotId, REASON));
    const receipt = await send(tracker.connect(regulator).liftRecall(lotId, LIFTED));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotRecallLifted", args: [lotId, regulator.address, before, LIFTED] },
    ]);
    expect(await lotState(tracker, lotId)).toMatchObject({
      custodian: farm.address,
      status: before,
      recaller: ZERO_ADDRESS,
    });
  });

  it("lets a suspended handoff resume after the lift", async () => {
    const lotId = await createLot(tracker, farm);
    await handOff(tracker, lotId, farm, carrier);
    await send(tracker.connect(retailer).recall(lotId, REASON));
    await send(tracker.connect(retailer).liftRecall(lotId, LIFTED));
    await send(tracker.connect(carrier).acceptHandoff(lotId, id("receiving")));
    expect(await tracker.custodianOf(lotId)).toBe(carrier.address);
  });

  it.each([
    ["the retailer who recalled it", () => retailer, () => retailer],
    ["the producer who recalled its own lot", () => farm, () => farm],
    ["a regulator, whoever recalled it", () => retailer, () => regulator],
  ])("is allowed to %s", async (_, recaller, lifter) => {
    const lotId = await createLot(tracker, farm);
    await send(tracker.connect(recaller()).recall(lotId, REASON));
    await send(tracker.connect(lifter()).liftRecall(lotId, LIFTED));
    expect(await tracker.statusOf(lotId)).toBe(Status.Active);
  });

  it.each([
    ["another retailer", () => otherRetailer],
    ["the lot's producer, when a retailer recalled it", () => farm],
    ["the custodian", () => carrier],
  ])("is refused to %s", async (_, signer) => {
    const lotId = await createLot(tracker, farm);
    await transfer(tracker, lotId, farm, carrier);
    await send(tracker.connect(retailer).recall(lotId, REASON));
    expect(await revertOf(tracker.connect(signer()).liftRecall(lotId, LIFTED))).toEqual({
      name: "LotTrackerUnauthorizedLift",
      args: [lotId, signer().address],
    });
  });

  it("is refused to the recaller once it holds no role that can recall", async () => {
    const former = await newAccount(tracker, ["RETAILER"]);
    const lotId = await createLot(tracker, farm);
    await send(tracker.connect(former).recall(lotId, REASON));
    await setRoles(tracker, former.address, ["CARRIER"]);
    expect(await revertOf(tracker.connect(former).liftRecall(lotId, LIFTED))).toEqual({
      name: "LotTrackerUnauthorizedLift",
      args: [lotId, former.address],
    });
  });

  it("refuses a lot that is not recalled, an unknown lot, and an empty reason", async () => {
    const lotId = await createLot(tracker, farm);
    expect(await revertOf(tracker.connect(regulator).liftRecall(lotId, LIFTED))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Active],
    });
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(regulator).liftRecall(unknown, LIFTED))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [unknown],
    });
    await send(tracker.connect(retailer).recall(lotId, REASON));
    expect(await revertOf(tracker.connect(regulator).liftRecall(lotId, ZeroHash))).toEqual({
      name: "LotTrackerEmptyReason",
      args: [],
    });
  });

  it("allows a new recall after a lift, by someone else", async () => {
    const lotId = await createLot(tracker, farm);
    await send(tracker.connect(retailer).recall(lotId, REASON));
    await send(tracker.connect(retailer).liftRecall(lotId, LIFTED));
    await send(tracker.connect(otherRetailer).recall(lotId, id("second finding")));
    expect(await tracker.recallerOf(lotId)).toBe(otherRetailer.address);
  });
});
