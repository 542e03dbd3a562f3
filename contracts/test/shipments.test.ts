import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  createLot,
  deployTracker,
  eventsOf,
  handOff,
  lotState,
  newAccount,
  provider,
  revertOf,
  Status,
  send,
  setRoles,
  ZERO_ADDRESS,
} from "./fixtures";
import { createLots, ShipmentState, shipBatch, shipmentState } from "./shipment-fixtures";

// handoffBatch opens a numbered shipment; acceptShipment / rejectShipment answer it whole with one
// write; acceptBatch / rejectBatch answer part of it. Each lot is checked as for one lot.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let farm2: JsonRpcSigner;
let carrier: JsonRpcSigner;
let retailer: JsonRpcSigner;
let regulator: JsonRpcSigner;

beforeAll(async () => {
  ({ tracker } = await deployTracker());
  farm = await newAccount(tracker, ["PRODUCER"]);
  farm2 = await newAccount(tracker, ["PRODUCER"]);
  carrier = await newAccount(tracker, ["CARRIER"]);
  retailer = await newAccount(tracker, ["RETAILER"]);
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

const inTransit = (custodian: string, recipient: string) => ({
  custodian,
  status: Status.InTransit,
  recipient,
});
const held = (custodian: string) => ({ custodian, status: Status.Active, recipient: ZERO_ADDRESS });

describe("handoffBatch", () => {
  it("ships every lot in one transaction under a new shipment number, each in transit", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const shipment = await tracker
      .connect(farm)
      .handoffBatch.staticCall(lotIds, carrier.address, id("s"));
    const receipt = await send(
      tracker.connect(farm).handoffBatch(lotIds, carrier.address, id("s")),
    );
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "ShipmentHandedOff",
        args: [shipment, farm.address, carrier.address, lotIds, id("s")],
      },
    ]);
    for (const lotId of lotIds) {
      expect(await lotState(tracker, lotId)).toMatchObject(
        inTransit(farm.address, carrier.address),
      );
    }
    expect(await shipmentState(tracker, shipment)).toEqual({
      sender: farm.address,
      recipient: carrier.address,
      state: ShipmentState.InTransit,
      lotCount: 3n,
      linkedCount: 3n,
    });
    expect(await shipBatch(tracker, await createLots(tracker, farm, 1), farm, carrier)).toBe(
      shipment + 1n,
    );
  });

  it("checks each lot as handoff does, and ships none when one fails", async () => {
    const [a, b] = await createLots(tracker, farm, 2);
    const other = await createLot(tracker, farm2);
    const shipped = await createLot(tracker, farm);
    await handOff(tracker, shipped, farm, retailer);
    const cases: [string[], { name: string; args: unknown[] }][] = [
      [[a, other, b] as string[], { name: "LotTrackerNotCustodian", args: [other, farm.address] }],
      [
        [a, b, shipped] as string[],
        { name: "LotTrackerUnexpectedStatus", args: [shipped, Status.InTransit] },
      ],
      // A repeated lot: its first occurrence already set it in transit.
      [[a, b, a] as string[], { name: "LotTrackerUnexpectedStatus", args: [a, Status.InTransit] }],
      [[id("nobody's lot")], { name: "LotTrackerUnknownLot", args: [id("nobody's lot")] }],
    ];
    for (const [lotIds, error] of cases) {
      expect(
        await revertOf(tracker.connect(farm).handoffBatch(lotIds, carrier.address, id("s"))),
      ).toEqual(error);
    }
    for (const lotId of [a, b])
      expect(await lotState(tracker, lotId as string)).toMatchObject(held(farm.address));
  });

  it("refuses an empty batch, an invalid recipient and a caller without a custody role", async () => {
    const [a] = await createLots(tracker, farm, 1);
    expect(
      await revertOf(tracker.connect(farm).handoffBatch([], carrier.address, id("s"))),
    ).toEqual({
      name: "LotTrackerEmptyBatch",
      args: [],
    });
    for (const recipient of [farm.address, ZERO_ADDRESS, regulator.address]) {
      expect(
        await revertOf(tracker.connect(farm).handoffBatch([a as string], recipient, id("s"))),
      ).toEqual({
        name: "LotTrackerInvalidRecipient",
        args: [a, recipient],
      });
    }
    expect(
      await revertOf(
        tracker.connect(regulator).handoffBatch([a as string], carrier.address, id("s")),
      ),
    ).toEqual({
      name: "LotTrackerMissingCustodyRole",
      args: [regulator.address],
    });
  });
});

describe("acceptShipment and rejectShipment", () => {
  it("accepts a whole shipment: every lot held by the recipient, the event listing no lots", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const shipment = await shipBatch(tracker, lotIds, farm, carrier);
    const receipt = await send(tracker.connect(carrier).acceptShipment(shipment, id("r")));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "ShipmentAccepted", args: [shipment, carrier.address, farm.address, [], id("r")] },
    ]);
    for (const lotId of lotIds)
      expect(await lotState(tracker, lotId)).toMatchObject(held(carrier.address));
    expect(await shipmentState(tracker, shipment)).toMatchObject({
      state: ShipmentState.Accepted,
      linkedCount: 3n,
    });
  });

  it("refuses a whole shipment, even by a recipient whose roles were revoked: every lot back with the sender", async () => {
    const lotIds = await createLots(tracker, farm, 2);
    const stranded = await newAccount(tracker, ["CARRIER"]);
    const shipment = await shipBatch(tracker, lotIds, farm, stranded);
    await setRoles(tracker, stranded.address, []);
    const receipt = await send(tracker.connect(stranded).rejectShipment(shipment, id("no")));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "ShipmentRejected", args: [shipment, stranded.address, farm.address, [], id("no")] },
    ]);
    for (const lotId of lotIds)
      expect(await lotState(tracker, lotId)).toMatchObject(held(farm.address));
    expect((await shipmentState(tracker, shipment)).state).toBe(ShipmentState.Rejected);
  });

  it.each([
    ["accepted", (lotId: string) => tracker.connect(carrier).acceptHandoff(lotId, id("x"))],
    ["refused", (lotId: string) => tracker.connect(carrier).rejectHandoff(lotId, id("x"))],
    ["taken back", (lotId: string) => tracker.connect(farm).cancelHandoff(lotId, id("x"))],
    ["recalled", (lotId: string) => tracker.connect(retailer).recall(lotId, id("x"))],
  ])("is refused once one lot was %s on its own, with the lots left", async (_, changeOne) => {
    const lotIds = await createLots(tracker, farm, 3);
    const shipment = await shipBatch(tracker, lotIds, farm, carrier);
    await send(changeOne(lotIds[1] as string));
    const changed = { name: "LotTrackerShipmentChanged", args: [shipment, 2n, 3n] };
    expect(await revertOf(tracker.connect(carrier).acceptShipment(shipment, id("r")))).toEqual(
      changed,
    );
    expect(await revertOf(tracker.connect(carrier).rejectShipment(shipment, id("r")))).toEqual(
      changed,
    );
    // The rest are answered by lot.
    await send(
      tracker.connect(carrier).acceptBatch(shipment, [lotIds[0], lotIds[2]] as string[], id("r")),
    );
    expect(await lotState(tracker, lotIds[2] as string)).toMatchObject(held(carrier.address));
  });

  it("refuses another account, an unknown shipment, and a shipment answered already", async () => {
    const shipment = await shipBatch(tracker, await createLots(tracker, farm, 2), farm, carrier);
    for (const signer of [retailer, farm]) {
      expect(await revertOf(tracker.connect(signer).acceptShipment(shipment, id("r")))).toEqual({
        name: "LotTrackerNotShipmentRecipient",
        args: [shipment, signer.address],
      });
    }
    expect(await revertOf(tracker.connect(carrier).rejectShipment(999_999n, id("r")))).toEqual({
      name: "LotTrackerShipmentNotInTransit",
      args: [999_999n],
    });
    await send(tracker.connect(carrier).acceptShipment(shipment, id("r")));
    const asCarrier = tracker.connect(carrier);
    // Each call made only when awaited: a second revert pending unawaited is an unhandled rejection.
    for (const answer of [
      () => asCarrier.acceptShipment(shipment, id("a")),
      () => asCarrier.rejectShipment(shipment, id("a")),
    ]) {
      expect(await revertOf(answer())).toEqual({
        name: "LotTrackerShipmentNotInTransit",
        args: [shipment],
      });
    }
  });
});

describe("acceptBatch and rejectBatch", () => {
  it("answers a pallet of a shipment: those lots move, the rest stay in transit in it", async () => {
    const lotIds = await createLots(tracker, farm, 4);
    const shipment = await shipBatch(tracker, lotIds, farm, retailer);
    const pallet = lotIds.slice(0, 2);
    const receipt = await send(tracker.connect(retailer).acceptBatch(shipment, pallet, id("r")));
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "ShipmentAccepted",
        args: [shipment, retailer.address, farm.address, pallet, id("r")],
      },
    ]);
    const refusal = await send(
      tracker.connect(retailer).rejectBatch(shipment, [lotIds[2] as string], id("n")),
    );
    expect(eventsOf(tracker, refusal)).toEqual([
      {
        name: "ShipmentRejected",
        args: [shipment, retailer.address, farm.address, [lotIds[2]], id("n")],
      },
    ]);
    expect(await Promise.all(lotIds.map((lotId) => lotState(tracker, lotId)))).toMatchObject([
      held(retailer.address),
      held(retailer.address),
      held(farm.address),
      inTransit(farm.address, retailer.address),
    ]);
    expect(await shipmentState(tracker, shipment)).toMatchObject({
      state: ShipmentState.InTransit,
      linkedCount: 1n,
    });
  });

  it("refuses lots from two senders, lots sent to someone else, and an empty list", async () => {
    const [a] = await createLots(tracker, farm, 1);
    const [b] = await createLots(tracker, farm2, 1);
    const first = await shipBatch(tracker, [a as string], farm, carrier);
    await shipBatch(tracker, [b as string], farm2, carrier);
    const both = [a, b] as string[];
    expect(await revertOf(tracker.connect(carrier).acceptBatch(first, both, id("r")))).toEqual({
      name: "LotTrackerMixedSenders",
      args: [b, farm2.address],
    });
    expect(await revertOf(tracker.connect(carrier).rejectBatch(first, both, id("r")))).toEqual({
      name: "LotTrackerMixedSenders",
      args: [b, farm2.address],
    });
    expect(
      await revertOf(tracker.connect(retailer).acceptBatch(first, [a as string], id("r"))),
    ).toEqual({
      name: "LotTrackerNotRecipient",
      args: [a, retailer.address],
    });
    expect(await revertOf(tracker.connect(carrier).acceptBatch(first, [], id("r")))).toEqual({
      name: "LotTrackerEmptyBatch",
      args: [],
    });
    expect(await lotState(tracker, a as string)).toMatchObject(
      inTransit(farm.address, carrier.address),
    );
  });
});
