import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import {
  createLot,
  deployTracker,
  eventsOf,
  GTIN,
  handOff,
  Kind,
  lotState,
  newAccount,
  newLotInput,
  nextLotCode,
  provider,
  revertOf,
  Status,
  send,
  transfer,
  ZERO_ADDRESS,
} from "./fixtures";

const OTHER_GTIN = "09506000134352";

let tracker: LotTracker;
let packer: JsonRpcSigner;
let otherPacker: JsonRpcSigner;
let retailer: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  packer = await newAccount(tracker, ["PRODUCER"]);
  otherPacker = await newAccount(tracker, ["PRODUCER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
});

afterAll(() => provider.destroy());

function derived(
  lot: ReturnType<typeof newLotInput>,
  kind: bigint,
  payloadHash: string,
  parents: string[],
) {
  const { gtin, lotCode, serialsRoot } = lot.input;
  return {
    name: "LotDerived",
    args: [lot.lotId, packer.address, kind, gtin, lotCode, payloadHash, serialsRoot, parents],
  };
}

describe("split", () => {
  it("consumes the lot and creates children, of the same or another GTIN, linked to it", async () => {
    const parent = await createLot(tracker, packer);
    const children = [newLotInput(), newLotInput(OTHER_GTIN), newLotInput()];
    const payloadHash = id("initial packing into cases");
    const outputs = children.map((child) => child.input);
    const split = tracker.connect(packer).split;
    expect(await split.staticCall(parent, outputs, payloadHash)).toEqual(
      children.map((c) => c.lotId),
    );

    const receipt = await send(split(parent, outputs, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LotConsumed", args: [parent, packer.address, Kind.Split] },
      ...children.map((child) => derived(child, Kind.Split, payloadHash, [parent])),
    ]);
    expect(await tracker.statusOf(parent)).toBe(Status.Consumed);
    expect(await tracker.custodianOf(parent)).toBe(packer.address);
    for (const child of children) {
      expect(await lotState(tracker, child.lotId)).toEqual({
        custodian: packer.address,
        status: Status.Active,
        producer: packer.address,
        recipient: ZERO_ADDRESS,
        recaller: ZERO_ADDRESS,
      });
    }
  });

  it("needs at least two children", async () => {
    const parent = await createLot(tracker, packer);
    for (const outputs of [[], [newLotInput().input]]) {
      expect(await revertOf(tracker.connect(packer).split(parent, outputs, id("x")))).toEqual({
        name: "LotTrackerInvalidLotCount",
        args: [1n, BigInt(outputs.length)],
      });
    }
  });

  it("makes the children the caller's even when another producer made the parent", async () => {
    const parent = await createLot(tracker, otherPacker);
    await transfer(tracker, parent, otherPacker, packer);
    const [a, b] = [newLotInput(), newLotInput()];
    await send(tracker.connect(packer).split(parent, [a.input, b.input], id("repack")));
    expect(await tracker.producerOf(a.lotId)).toBe(packer.address);
    expect(await tracker.producerOf(parent)).toBe(otherPacker.address);
  });
});

describe("merge", () => {
  it("consumes every input and creates one lot linked to all of them", async () => {
    const inputs = [await createLot(tracker, packer), await createLot(tracker, packer)];
    const output = newLotInput(OTHER_GTIN);
    const payloadHash = id("pallet build");
    const merge = tracker.connect(packer).merge;
    expect(await merge.staticCall(inputs, output.input, payloadHash)).toBe(output.lotId);

    const receipt = await send(merge(inputs, output.input, payloadHash));
    expect(eventsOf(tracker, receipt)).toEqual([
      ...inputs.map((input) => ({
        name: "LotConsumed",
        args: [input, packer.address, Kind.Merge],
      })),
      derived(output, Kind.Merge, payloadHash, inputs),
    ]);
    for (const input of inputs) expect(await tracker.statusOf(input)).toBe(Status.Consumed);
    expect(await tracker.statusOf(output.lotId)).toBe(Status.Active);
  });

  it("needs at least two inputs", async () => {
    const input = await createLot(tracker, packer);
    const call = tracker.connect(packer).merge([input], newLotInput().input, id("x"));
    expect(await revertOf(call)).toEqual({ name: "LotTrackerInvalidLotCount", args: [1n, 1n] });
  });
});

describe("transform", () => {
  it("turns inputs into outputs, each output linked to every input", async () => {
    const inputs = [await createLot(tracker, packer), await createLot(tracker, packer)];
    const outputs = [newLotInput(OTHER_GTIN), newLotInput()];
    const payloadHash = id("salad mix");
    const receipt = await send(
      tracker.connect(packer).transform(
        inputs,
        outputs.map((o) => o.input),
        payloadHash,
      ),
    );
    expect(eventsOf(tracker, receipt)).toEqual([
      ...inputs.map((input) => ({
        name: "LotConsumed",
        args: [input, packer.address, Kind.Transform],
      })),
      ...outputs.map((output) => derived(output, Kind.Transform, payloadHash, inputs)),
    ]);
  });

  it("accepts one input and one output (relabelling)", async () => {
    const input = await createLot(tracker, packer);
    const output = newLotInput();
    await send(tracker.connect(packer).transform([input], [output.input], id("relabel")));
    expect(await tracker.statusOf(output.lotId)).toBe(Status.Active);
  });

  it("needs at least one input and one output", async () => {
    const input = await createLot(tracker, packer);
    const transform = tracker.connect(packer).transform;
    expect(await revertOf(transform([], [newLotInput().input], id("x")))).toEqual({
      name: "LotTrackerInvalidLotCount",
      args: [0n, 1n],
    });
    expect(await revertOf(transform([input], [], id("x")))).toEqual({
      name: "LotTrackerInvalidLotCount",
      args: [1n, 0n],
    });
  });
});

describe("lineage inputs and outputs", () => {
  it("refuses an input the caller does not hold, and changes nothing", async () => {
    const mine = await createLot(tracker, packer);
    const theirs = await createLot(tracker, otherPacker);
    const output = newLotInput();
    const call = tracker.connect(packer).merge([mine, theirs], output.input, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerNotCustodian",
      args: [theirs, packer.address],
    });
    expect(await tracker.statusOf(mine)).toBe(Status.Active);
    expect(await tracker.statusOf(output.lotId)).toBe(Status.None);
  });

  it("refuses an unknown input", async () => {
    const unknown = lotIdOf(GTIN, nextLotCode());
    const call = tracker.connect(packer).transform([unknown], [newLotInput().input], id("x"));
    expect(await revertOf(call)).toEqual({ name: "LotTrackerUnknownLot", args: [unknown] });
  });

  it("refuses an input in transit or already consumed", async () => {
    const moving = await createLot(tracker, packer);
    await handOff(tracker, moving, packer, retailer);
    const split = tracker.connect(packer).split;
    expect(
      await revertOf(split(moving, [newLotInput().input, newLotInput().input], id("x"))),
    ).toEqual({ name: "LotTrackerUnexpectedStatus", args: [moving, Status.InTransit] });
    const used = await createLot(tracker, packer);
    await send(tracker.connect(packer).transform([used], [newLotInput().input], id("x")));
    expect(
      await revertOf(split(used, [newLotInput().input, newLotInput().input], id("x"))),
    ).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [used, Status.Consumed],
    });
  });

  it("refuses the same input twice", async () => {
    const input = await createLot(tracker, packer);
    const call = tracker.connect(packer).merge([input, input], newLotInput().input, id("x"));
    expect(await revertOf(call)).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [input, Status.Consumed],
    });
    expect(await tracker.statusOf(input)).toBe(Status.Active);
  });

  it("refuses an output that is an existing lot, its own input, or a repeated output", async () => {
    const existing = await createLot(tracker, otherPacker);
    const input = await createLot(tracker, packer);
    const lotCodeOf = async (lotId: string) => {
      const [created] = await tracker.queryFilter(tracker.filters.LotCreated(lotId));
      return { gtin: BigInt(GTIN), lotCode: created?.args.lotCode ?? "", serialsRoot: id("s") };
    };
    const twice = newLotInput();
    for (const [outputs, lotId] of [
      [[await lotCodeOf(existing)], existing],
      [[await lotCodeOf(input)], input],
      [[twice.input, twice.input], twice.lotId],
    ] as const) {
      expect(
        await revertOf(tracker.connect(packer).transform([input], [...outputs], id("x"))),
      ).toEqual({ name: "LotTrackerLotExists", args: [lotId] });
    }
  });

  it("validates each output's GTIN and lot code", async () => {
    const input = await createLot(tracker, packer);
    const transform = tracker.connect(packer).transform;
    const bad = { gtin: 0n, lotCode: encodeLotCode(nextLotCode()), serialsRoot: id("s") };
    expect(await revertOf(transform([input], [bad], id("x")))).toEqual({
      name: "LotTrackerInvalidGtin",
      args: [0n],
    });
    const empty = { gtin: BigInt(GTIN), lotCode: `0x${"00".repeat(20)}`, serialsRoot: id("s") };
    expect(await revertOf(transform([input], [empty], id("x")))).toEqual({
      name: "LotTrackerEmptyLotCode",
      args: [],
    });
  });
});
