import { encodeBytes32String, id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  deployTracker,
  eventsOf,
  lotState,
  newAccount,
  newLotInput,
  provider,
  revertOf,
  Status,
  send,
  ZERO_ADDRESS,
} from "./fixtures";
import { createLots, ShipmentState, shipBatch, shipmentState } from "./shipment-fixtures";

// A lot shipped with handoffBatch keeps a link to its shipment, and reads its custody through it
// until it is next changed: these tests check that every path through the link settles right.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let packer: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;
let regulator: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  packer = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

describe("a lot linked to its shipment", () => {
  it("is held by the new custodian after a whole accept: it can be shipped, split and recalled", async () => {
    const [a, b, c] = (await createLots(tracker, farm, 3)) as [string, string, string];
    const shipment = await shipBatch(tracker, [a, b, c], farm, packer);
    await send(tracker.connect(packer).acceptShipment(shipment, id("r")));
    expect(await lotState(tracker, a)).toEqual({
      custodian: packer.address,
      status: Status.Active,
      producer: farm.address,
      recipient: ZERO_ADDRESS,
      recaller: ZERO_ADDRESS,
    });
    // The old holder can no longer move it; the new one can, in every way.
    expect(await revertOf(tracker.connect(farm).handoff(a, carrier.address, id("x")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [a, farm.address],
    });
    await send(tracker.connect(packer).handoff(a, carrier.address, id("on")));
    expect(await lotState(tracker, a)).toMatchObject({
      custodian: packer.address,
      status: Status.InTransit,
      recipient: carrier.address,
    });
    const parts = [newLotInput(), newLotInput()];
    await send(
      tracker.connect(packer).split(
        b,
        parts.map((part) => part.input),
        id("split"),
      ),
    );
    expect(await tracker.statusOf(b)).toBe(Status.Consumed);
    expect(await tracker.custodianOf(parts[0]?.lotId as string)).toBe(packer.address);
    await send(tracker.connect(retailer).recall(c, id("listeria")));
    expect(await lotState(tracker, c)).toMatchObject({
      custodian: packer.address,
      status: Status.Recalled,
      recaller: retailer.address,
    });
    // Settling lots of an answered shipment leaves it as it was answered.
    expect(await shipmentState(tracker, shipment)).toMatchObject({
      state: ShipmentState.Accepted,
      linkedCount: 3n,
    });
    await send(tracker.connect(retailer).liftRecall(c, id("clear")));
    expect(await lotState(tracker, c)).toMatchObject({
      custodian: packer.address,
      status: Status.Active,
    });
  });

  it("stays with the sender after a whole refusal, who can ship it again", async () => {
    const lotIds = await createLots(tracker, farm, 2);
    const first = await shipBatch(tracker, lotIds, farm, carrier);
    await send(tracker.connect(carrier).rejectShipment(first, id("no")));
    const second = await shipBatch(tracker, lotIds, farm, retailer);
    expect(second).toBe(first + 1n);
    expect(await lotState(tracker, lotIds[0] as string)).toMatchObject({
      custodian: farm.address,
      status: Status.InTransit,
      recipient: retailer.address,
    });
    await send(tracker.connect(retailer).acceptShipment(second, id("r")));
    expect(await tracker.custodianOf(lotIds[1] as string)).toBe(retailer.address);
    expect((await shipmentState(tracker, first)).state).toBe(ShipmentState.Rejected);
  });

  it("stays in its shipment while the sender records events and anchors readings in transit", async () => {
    const lotIds = await createLots(tracker, farm, 2);
    const [a] = lotIds as [string];
    const shipment = await shipBatch(tracker, lotIds, farm, carrier);
    await send(tracker.connect(farm).recordEvent(a, encodeBytes32String("cooling"), id("4 °C")));
    await send(tracker.connect(farm).anchorReadings(a, id("readings"), 12));
    expect(await shipmentState(tracker, shipment)).toMatchObject({ linkedCount: 2n });
    await send(tracker.connect(carrier).acceptShipment(shipment, id("r")));
    expect(await tracker.custodianOf(a)).toBe(carrier.address);
    // Now the carrier holds it and tracks it; the farm no longer can.
    expect(
      await revertOf(tracker.connect(farm).recordEvent(a, encodeBytes32String("cooling"), id("x"))),
    ).toEqual({
      name: "LotTrackerNotCustodian",
      args: [a, farm.address],
    });
    await send(tracker.connect(carrier).recordEvent(a, encodeBytes32String("cooling"), id("5 °C")));
  });

  it("leaves its shipment when recalled in transit; lifted, it is in transit again and answered by lot", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const [a] = lotIds as [string];
    const shipment = await shipBatch(tracker, lotIds, farm, carrier);
    await send(tracker.connect(regulator).recall(a, id("listeria")));
    expect(await lotState(tracker, a)).toMatchObject({
      custodian: farm.address,
      status: Status.Recalled,
      recipient: carrier.address,
      recaller: regulator.address,
    });
    expect(await shipmentState(tracker, shipment)).toMatchObject({
      state: ShipmentState.InTransit,
      linkedCount: 2n,
    });
    expect(await revertOf(tracker.connect(carrier).acceptBatch(shipment, [a], id("r")))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [a, Status.Recalled],
    });
    const lift = await send(tracker.connect(regulator).liftRecall(a, id("clear")));
    expect(eventsOf(tracker, lift)[0]?.args).toEqual([
      a,
      regulator.address,
      Status.InTransit,
      id("clear"),
    ]);
    expect(await lotState(tracker, a)).toMatchObject({
      status: Status.InTransit,
      recipient: carrier.address,
      recaller: ZERO_ADDRESS,
    });
    expect(await revertOf(tracker.connect(carrier).acceptShipment(shipment, id("r")))).toEqual({
      name: "LotTrackerShipmentChanged",
      args: [shipment, 2n, 3n],
    });
    await send(tracker.connect(carrier).acceptBatch(shipment, lotIds, id("r")));
    for (const lotId of lotIds) expect(await tracker.custodianOf(lotId)).toBe(carrier.address);
    expect(await shipmentState(tracker, shipment)).toMatchObject({
      state: ShipmentState.InTransit,
      linkedCount: 0n,
    });
  });
});
