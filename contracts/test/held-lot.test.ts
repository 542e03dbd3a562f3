import {
  type ContractTransactionResponse,
  encodeBytes32String,
  type HDNodeWallet,
  id,
  type JsonRpcSigner,
} from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  anchorSigned,
  createNamedLot,
  deployColdChain,
  RULE,
  warmBatchFor,
} from "./cold-chain-fixtures";
import {
  createLot,
  eventsOf,
  handOff,
  newAccount,
  newLotInput,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";
import { createLots, nextSscc, shipBatch, shipmentState } from "./shipment-fixtures";

// A lot the storage rule holds cannot be shipped, received, packed or used until its custodian
// releases it; sending it back, taking it back, recalling it and tracking it stay allowed.

let tracker: LotTracker;
let farm: JsonRpcSigner;
let carrier: JsonRpcSigner;
let regulator: JsonRpcSigner;
let farmDevice: HDNodeWallet;
let carrierDevice: HDNodeWallet;

beforeAll(async () => {
  ({ tracker, farm, carrier, farmDevice, carrierDevice } = await deployColdChain());
  regulator = await newAccount(tracker, ["REGULATOR"]);
});

afterAll(() => provider.destroy());

/** Holds the lot through a device's batch 31 minutes above the range. */
async function hold(lot: { lotCode: string }, device = farmDevice): Promise<void> {
  await anchorSigned(tracker, device, warmBatchFor(lot.lotCode, RULE.allowedMinutes + 1));
}

const onHold = (lotId: string) => ({ name: "LotTrackerLotOnHold", args: [lotId] });

const asFarm = () => tracker.connect(farm);
const part = () => newLotInput().input;

const MOVES: readonly [string, (lotId: string) => Promise<ContractTransactionResponse>][] = [
  ["handoff", (lotId) => asFarm().handoff(lotId, carrier.address, id("p"))],
  ["handoffPart", (lotId) => asFarm().handoffPart(lotId, part(), part(), carrier.address, id("p"))],
  ["split", (lotId) => asFarm().split(lotId, [part(), part()], id("p"))],
  [
    "merge",
    async (lotId) => asFarm().merge([await createLot(tracker, farm), lotId], part(), id("p")),
  ],
  ["transform", (lotId) => asFarm().transform([lotId], [part()], id("p"))],
  ["handoffBatch", (lotId) => asFarm().handoffBatch([lotId], carrier.address, id("p"))],
  ["packUnit", (lotId) => asFarm().packUnit(nextSscc(), [lotId], id("c"), id("p"))],
];

describe("a held lot with its custodian", () => {
  it.each(MOVES)("refuses %s", async (_name, move) => {
    const lot = await createNamedLot(tracker, farm);
    await hold(lot);
    expect(await revertOf(move(lot.lotId))).toEqual(onHold(lot.lotId));
  });

  it("can be recalled and tracked, and moves again once released", async () => {
    const lot = await createNamedLot(tracker, farm);
    await hold(lot);
    await send(
      tracker.connect(farm).recordEvent(lot.lotId, encodeBytes32String("inspection"), id("p")),
    );
    const more = eventsOf(
      tracker,
      await anchorSigned(tracker, farmDevice, warmBatchFor(lot.lotCode, 5)),
    );
    expect(more.map((event) => event.name)).toEqual(["DeviceReadingsAnchored"]);
    expect([...(await tracker.holdOf(lot.lotId))]).toEqual([true, 36n]);
    await send(tracker.connect(farm).releaseHold(lot.lotId, id("probe at 4 °C")));
    await send(tracker.connect(farm).handoff(lot.lotId, carrier.address, id("p")));
    await send(tracker.connect(regulator).recall(lot.lotId, id("r")));
    expect(await tracker.statusOf(lot.lotId)).toBe(Status.Recalled);
  });
});

describe("a lot held in transit", () => {
  it("refuses the carrier's accept but not its refusal; the lot stays held with its sender", async () => {
    const lot = await createNamedLot(tracker, farm);
    await handOff(tracker, lot.lotId, farm, carrier);
    await hold(lot, carrierDevice);
    expect(await revertOf(tracker.connect(carrier).acceptHandoff(lot.lotId, id("p")))).toEqual(
      onHold(lot.lotId),
    );
    await send(tracker.connect(carrier).rejectHandoff(lot.lotId, id("too warm")));
    expect(await tracker.custodianOf(lot.lotId)).toBe(farm.address);
    expect((await tracker.holdOf(lot.lotId)).isOnHold).toBe(true);
  });

  it("can be taken back by its sender, or recalled", async () => {
    const [back, recalled] = [
      await createNamedLot(tracker, farm),
      await createNamedLot(tracker, farm),
    ];
    for (const lot of [back, recalled]) {
      await handOff(tracker, lot.lotId, farm, carrier);
      await hold(lot);
    }
    await send(tracker.connect(farm).cancelHandoff(back.lotId, id("p")));
    await send(tracker.connect(regulator).recall(recalled.lotId, id("r")));
    expect(await tracker.statusOf(back.lotId)).toBe(Status.Active);
    expect(await tracker.statusOf(recalled.lotId)).toBe(Status.Recalled);
  });

  it("leaves its batched shipment, whose other lots are received by lot", async () => {
    const lot = await createNamedLot(tracker, farm);
    const [held, ...others] = [lot.lotId, ...(await createLots(tracker, farm, 2))];
    const shipment = await shipBatch(tracker, [held, ...others], farm, carrier);
    await hold(lot, carrierDevice);
    expect((await shipmentState(tracker, shipment)).linkedCount).toBe(2n);
    expect(await revertOf(tracker.connect(carrier).acceptShipment(shipment, id("p")))).toEqual({
      name: "LotTrackerShipmentChanged",
      args: [shipment, 2n, 3n],
    });
    const acceptBatch = (ids: string[]) =>
      tracker.connect(carrier).acceptBatch(shipment, ids, id("p"));
    expect(await revertOf(acceptBatch([held]))).toEqual(onHold(held));
    await send(acceptBatch(others));
    for (const lotId of others) expect(await tracker.custodianOf(lotId)).toBe(carrier.address);
    expect(await tracker.statusOf(held)).toBe(Status.InTransit);
    expect(await tracker.pendingRecipientOf(held)).toBe(carrier.address);
  });
});
