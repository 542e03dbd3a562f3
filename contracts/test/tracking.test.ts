import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { encodeBytes32String, id, type JsonRpcSigner, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readingLeaf } from "@/bench/gas/reading-leaf";
import type { LotTracker } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import {
  createLot,
  deployTracker,
  eventsOf,
  GTIN,
  handOff,
  newAccount,
  newLotInput,
  nextLotCode,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";

const COOLING = encodeBytes32String("cooling");

let tracker: LotTracker;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
});

afterAll(() => provider.destroy());

/** A lot the farm holds in each status that tracking accepts or refuses. */
async function lotIn(status: bigint): Promise<string> {
  const lotId = await createLot(tracker, farm);
  if (status === Status.InTransit) await handOff(tracker, lotId, farm, carrier);
  if (status === Status.Recalled) await send(tracker.connect(retailer).recall(lotId, id("r")));
  if (status === Status.Consumed) {
    await send(tracker.connect(farm).transform([lotId], [newLotInput().input], id("t")));
  }
  return lotId;
}

describe("recordEvent", () => {
  it("emits the event type and payload hash for the custodian", async () => {
    const lotId = await createLot(tracker, farm);
    const payloadHash = id("cooled to 2 °C at 14:02");
    const receipt = await send(tracker.connect(farm).recordEvent(lotId, COOLING, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotEventRecorded", args: [lotId, farm.address, COOLING, payloadHash] },
    ]);
    expect(await tracker.statusOf(lotId)).toBe(Status.Active);
  });

  it.each([
    ["active", Status.Active],
    ["in transit", Status.InTransit],
    ["recalled", Status.Recalled],
  ])("is allowed on a held lot that is %s, and changes no state", async (_, status) => {
    const lotId = await lotIn(status);
    await send(tracker.connect(farm).recordEvent(lotId, COOLING, id("x")));
    expect(await tracker.statusOf(lotId)).toBe(status);
    expect(await tracker.custodianOf(lotId)).toBe(farm.address);
  });

  it("refuses a consumed lot, whose goods became other lots", async () => {
    const lotId = await lotIn(Status.Consumed);
    expect(await revertOf(tracker.connect(farm).recordEvent(lotId, COOLING, id("x")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [lotId, Status.Consumed],
    });
  });

  it("refuses a caller who does not hold the lot (the recipient of a pending handoff too)", async () => {
    const lotId = await lotIn(Status.InTransit);
    expect(await revertOf(tracker.connect(carrier).recordEvent(lotId, COOLING, id("x")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, carrier.address],
    });
  });

  it("refuses an unknown lot and an empty event type", async () => {
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await revertOf(tracker.connect(farm).recordEvent(unknown, COOLING, id("x")))).toEqual({
      name: "LotTrackerUnknownLot",
      args: [unknown],
    });
    const lotId = await createLot(tracker, farm);
    expect(await revertOf(tracker.connect(farm).recordEvent(lotId, ZeroHash, id("x")))).toEqual({
      name: "LotTrackerEmptyEventType",
      args: [],
    });
  });
});

describe("anchorReadings", () => {
  it("anchors the root of 1,000 readings for at most 60 gas per reading", async () => {
    const lotId = await createLot(tracker, farm);
    const leaves = Array.from({ length: 1_000 }, (_, i) =>
      readingLeaf(lotId, 1_790_000_000 + i, i),
    );
    const root = SimpleMerkleTree.of(leaves).root;
    const receipt = await send(tracker.connect(farm).anchorReadings(lotId, root, 1_000));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotReadingsAnchored", args: [lotId, farm.address, root, 1_000n] },
    ]);
    expect(receipt.gasUsed).toBeLessThanOrEqual(60_000n);
  });

  it.each([
    ["active", Status.Active],
    ["in transit", Status.InTransit],
    ["recalled", Status.Recalled],
  ])("is allowed on a held lot that is %s", async (_, status) => {
    const lotId = await lotIn(status);
    await send(tracker.connect(farm).anchorReadings(lotId, id("root"), 12));
    expect(await tracker.statusOf(lotId)).toBe(status);
  });

  it("refuses a consumed lot, a lot held by someone else and an unknown lot", async () => {
    const consumed = await lotIn(Status.Consumed);
    const anchor = (signer: JsonRpcSigner, lotId: string) =>
      revertOf(tracker.connect(signer).anchorReadings(lotId, id("root"), 1));
    expect(await anchor(farm, consumed)).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [consumed, Status.Consumed],
    });
    const lotId = await createLot(tracker, farm);
    expect(await anchor(carrier, lotId)).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotId, carrier.address],
    });
    const unknown = lotIdOf(GTIN, nextLotCode());
    expect(await anchor(farm, unknown)).toEqual({ name: "LotTrackerUnknownLot", args: [unknown] });
  });

  it("refuses an empty batch: a zero root or no readings", async () => {
    const lotId = await createLot(tracker, farm);
    for (const [root, count] of [
      [ZeroHash, 5],
      [id("root"), 0],
    ] as const) {
      expect(await revertOf(tracker.connect(farm).anchorReadings(lotId, root, count))).toEqual({
        name: "LotTrackerEmptyReadingBatch",
        args: [],
      });
    }
  });
});
