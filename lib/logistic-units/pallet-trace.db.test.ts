import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/input";
import { getLotDetail } from "@/lib/lots/get-lot-detail";
import { getProvenance } from "@/lib/provenance";
import { startRecall } from "@/lib/recall/start";
import { recallInput } from "@/lib/recall/terms";
import { resolveScan } from "@/lib/scan/resolve-scan";
import { receiveShipment, shipGoods } from "@/lib/shipments";
import { getRecallScope } from "@/lib/trace";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { buildUnit } from "./build-unit";
import { getUnit } from "./get-unit";

// Issue 17, trace and recall through pallets, on the real stack: a farm's pallet shipped on a bill
// of lading to the carrier, which accepts it whole; then the farm recalls the lot it came from.

let world: LedgerWorld;
let harvestId: string;
let lotIds: string[];
let sscc: string;

beforeAll(async () => {
  world = await createLedgerWorld();
  const { farm, carrier } = world.members;
  harvestId = await world.harvest("TRC");
  lotIds = await world.split(farm, harvestId, ["TRC-A", "TRC-B"], { packagesEach: 6 });
  ({ sscc } = await buildUnit({ db: world.db, member: farm, input: { lotIds } }));
  await world.settle();
  const { reference } = await shipGoods({
    db: world.db,
    member: farm,
    input: {
      recipientGln: carrier.organization.gln,
      ssccs: [sscc],
      documentType: "bol",
      documentNumber: "BOL-778",
    },
  });
  await world.settle();
  expect(await getUnit({ db: world.db, member: carrier, sscc })).toMatchObject({
    status: "IN_SHIPMENT",
    whereNow: "On its way from Test farm to Test carrier",
    shipment: { document: { label: "Bill of lading", number: "BOL-778" } },
  });
  await receiveShipment({
    db: world.db,
    member: carrier,
    reference,
    input: { decision: "accept" },
  });
  await world.settle();
});

afterAll(async () => {
  await world.drop();
});

describe("trace and recall through a pallet", () => {
  it("shows the pallet and the bill of lading on the lot's trail, shipped and received", async () => {
    const lot = await getLotDetail({
      db: world.db,
      member: world.members.carrier,
      lotId: lotIds[0] ?? "",
    });
    const moves = lot?.trail
      .filter((entry) => entry.travel)
      .map((entry) => [entry.name, entry.travel?.sscc, entry.travel?.shipment]);
    expect(moves).toEqual([
      ["LogisticUnitPacked", sscc, null],
      ["LotHandedOff", sscc, "Bill of lading BOL-778"],
      ["LotHandoffAccepted", sscc, "Bill of lading BOL-778"],
    ]);
  });

  it("tells the consumer's page the pallet and shipment a step moved the lot in", async () => {
    const provenance = await getProvenance({ db: world.db, lotId: lotIds[1] ?? "" });
    const shipped = provenance?.steps.find((step) => step.travel?.shipment);
    expect(shipped?.travel).toEqual({ sscc, shipment: "Bill of lading BOL-778" });
  });

  it("lists the pallet and shipment carrying recalled stock, and pulls the pallet on a scan", async () => {
    const { farm, carrier } = world.members;
    await startRecall({
      db: world.db,
      member: farm,
      lotId: harvestId,
      input: parseInput(recallInput, {
        reason: "Listeria found in a retained sample",
        severity: "CLASS_I",
      }),
      appUrl: "http://lotledger.test",
    });
    await world.settle();
    const scope = await getRecallScope({ db: world.db, lotId: harvestId });
    expect(scope?.carriers.units).toEqual([
      { sscc, lotIds, isPacked: true, whereNow: "Held by Test carrier" },
    ]);
    expect(scope?.carriers.shipments).toMatchObject([
      {
        document: "Bill of lading BOL-778",
        lotIds,
        ssccs: [sscc],
        whereNow: "Delivered to Test carrier",
      },
    ]);
    const scan = await resolveScan({ db: world.db, member: carrier, text: `(00)${sscc}` });
    expect(scan).toMatchObject({
      kind: "recalled",
      href: `/units/${sscc}`,
      recalledLotCode: "TRC",
    });
    expect(scan.kind === "recalled" && scan.pallet?.lots.map((l) => l.lotCode)).toEqual([
      "TRC-A",
      "TRC-B",
    ]);
  });
});
