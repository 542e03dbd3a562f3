import { id, type JsonRpcSigner } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import {
  deployTracker,
  eventsOf,
  handOff,
  newAccount,
  provider,
  revertOf,
  Status,
  send,
} from "./fixtures";
import { createLots, nextSscc, shipBatch } from "./shipment-fixtures";

// packUnit / unpackUnit: lots on a logistic unit named by its SSCC (EPCIS aggregation ADD / DELETE).

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

const pack = (signer: JsonRpcSigner, sscc: bigint, lotIds: string[]) =>
  tracker.connect(signer).packUnit(sscc, lotIds, id("contents"), id("pack"));

describe("packUnit", () => {
  it("packs lots the caller holds under an SSCC of its company prefix", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const sscc = nextSscc();
    const receipt = await send(pack(farm, sscc, lotIds));
    expect(eventsOf(tracker, receipt)).toEqual([
      {
        name: "LogisticUnitPacked",
        args: [sscc, farm.address, id("contents"), lotIds, id("pack")],
      },
    ]);
    expect(await tracker.isUnitPacked(sscc)).toBe(true);
    expect(await tracker.isUnitPacked(nextSscc())).toBe(false);
  });

  it("refuses an SSCC of another company's prefix, and one that is no SSCC", async () => {
    const lotIds = await createLots(tracker, farm, 1);
    const foreign = nextSscc("0614142");
    expect(await revertOf(pack(farm, foreign, lotIds))).toEqual({
      name: "LotTrackerUnauthorizedSscc",
      args: [foreign, farm.address],
    });
    for (const sscc of [0n, 10n ** 18n]) {
      expect(await revertOf(pack(farm, sscc, lotIds))).toEqual({
        name: "LotTrackerInvalidSscc",
        args: [sscc],
      });
    }
  });

  it("never packs an SSCC twice, even once unpacked", async () => {
    const lotIds = await createLots(tracker, farm, 2);
    const sscc = nextSscc();
    await send(pack(farm, sscc, lotIds));
    expect(await revertOf(pack(farm, sscc, lotIds))).toEqual({
      name: "LotTrackerUnitExists",
      args: [sscc],
    });
    await send(tracker.connect(farm).unpackUnit(sscc, lotIds, id("unpack")));
    expect(await revertOf(pack(farm, sscc, lotIds))).toEqual({
      name: "LotTrackerUnitExists",
      args: [sscc],
    });
  });

  it("checks each lot: held by the caller, active; and refuses no lots or no contents root", async () => {
    const [a, b] = (await createLots(tracker, farm, 2)) as [string, string];
    const [mine] = (await createLots(tracker, farm, 1)) as [string];
    await handOff(tracker, b, farm, carrier);
    const sscc = nextSscc();
    expect(await revertOf(pack(farm, sscc, [a, b]))).toEqual({
      name: "LotTrackerUnexpectedStatus",
      args: [b, Status.InTransit],
    });
    expect(await revertOf(pack(carrier, sscc, [mine]))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [mine, carrier.address],
    });
    expect(await revertOf(pack(farm, sscc, []))).toEqual({
      name: "LotTrackerEmptyBatch",
      args: [],
    });
    expect(
      await revertOf(tracker.connect(farm).packUnit(sscc, [a], `0x${"0".repeat(64)}`, id("p"))),
    ).toEqual({
      name: "LotTrackerEmptyBatch",
      args: [],
    });
    expect(await revertOf(pack(regulator, sscc, [a]))).toEqual({
      name: "LotTrackerMissingCustodyRole",
      args: [regulator.address],
    });
    expect(await tracker.isUnitPacked(sscc)).toBe(false);
  });
});

describe("unpackUnit", () => {
  it("takes the lots off at the destination, after the pallet's shipment was accepted whole", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const sscc = nextSscc();
    await send(pack(farm, sscc, lotIds));
    const shipment = await shipBatch(tracker, lotIds, farm, retailer);
    await send(tracker.connect(retailer).acceptShipment(shipment, id("r")));
    const receipt = await send(tracker.connect(retailer).unpackUnit(sscc, lotIds, id("unpack")));
    expect(eventsOf(tracker, receipt)).toEqual([
      { name: "LogisticUnitUnpacked", args: [sscc, retailer.address, lotIds, id("unpack")] },
    ]);
    expect(await tracker.isUnitPacked(sscc)).toBe(false);
    expect(await revertOf(tracker.connect(retailer).unpackUnit(sscc, lotIds, id("u")))).toEqual({
      name: "LotTrackerUnitNotPacked",
      args: [sscc],
    });
  });

  it("refuses other contents than those packed, in another order, and a unit never packed", async () => {
    const lotIds = await createLots(tracker, farm, 3);
    const sscc = nextSscc();
    await send(pack(farm, sscc, lotIds));
    for (const wrong of [
      lotIds.slice(0, 2),
      [...lotIds].reverse(),
      [...lotIds, lotIds[0] as string],
    ]) {
      expect(await revertOf(tracker.connect(farm).unpackUnit(sscc, wrong, id("u")))).toEqual({
        name: "LotTrackerWrongUnitContents",
        args: [sscc],
      });
    }
    const never = nextSscc();
    expect(await revertOf(tracker.connect(farm).unpackUnit(never, lotIds, id("u")))).toEqual({
      name: "LotTrackerUnitNotPacked",
      args: [never],
    });
    expect(await revertOf(tracker.connect(carrier).unpackUnit(sscc, lotIds, id("u")))).toEqual({
      name: "LotTrackerNotCustodian",
      args: [lotIds[0], carrier.address],
    });
  });

  it("unpacks a recalled lot, so recalled goods can be pulled off the pallet", async () => {
    const lotIds = await createLots(tracker, farm, 2);
    const sscc = nextSscc();
    await send(pack(farm, sscc, lotIds));
    await send(tracker.connect(retailer).recall(lotIds[0] as string, id("listeria")));
    await send(tracker.connect(farm).unpackUnit(sscc, lotIds, id("unpack")));
    expect(await tracker.isUnitPacked(sscc)).toBe(false);
    expect(await tracker.statusOf(lotIds[0] as string)).toBe(Status.Recalled);
  });
});
