import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { AppError } from "@/lib/errors";
import { serialsRootOf } from "@/lib/packages/serials";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, harvestValues, siteOf } from "@/tools/testing/lot-steps";
import { queueTrackingEvent } from "./record-event";

// The event forms' domain code end to end on the real parts: each CTE queued as the form queues it,
// sent by the sender, mined on anvil and indexed, then read back from the read model.

const SALAD_GTIN = "09506000134369";
const TODAY = new Date().toISOString().slice(0, 10);

let world: LedgerWorld;
let farm: Member;
let farmSite: string;

const record = (cte: string, values: Record<string, string | string[]>) =>
  queueTrackingEvent({ db: world.db, member: farm, cte, values });

/** The initial-packing form for packing the harvested lot into P-1 with 12 packages. */
const packingValues = (harvestedId: string) => ({
  inputLotIds: harvestedId,
  locationGln: farmSite,
  quantityReceived: "500",
  unitReceived: "kg",
  productDescription: "Romaine hearts 3-pack",
  commodity: "Lettuce",
  variety: "Romaine",
  dateReceived: TODAY,
  harvestLocation: "farm site, farm road 1",
  fieldName: "North field 3",
  harvesterBusinessName: "farm org",
  harvestDate: TODAY,
  packingDate: TODAY,
  gtin: GTIN,
  lotCode: "P-1",
  quantity: "480",
  unit: "kg",
  packages: "12",
  documentType: "prodorder",
  documentNumber: "PO-1",
});

beforeAll(async () => {
  world = await createLedgerWorld();
  farm = world.members.farm;
  farmSite = await siteOf(world.db, farm);
});

afterAll(async () => {
  await world.drop();
});

describe("critical tracking events on the chain", () => {
  it("harvest and cooling are recorded; packing waits while the cooling is still on its way", async () => {
    const { db, members } = world;
    await record(
      "harvesting",
      await harvestValues(
        db,
        farm,
        { lotCode: "H-1", nextHolder: members.packer },
        { quantity: "500" },
      ),
    );
    await world.settle();
    const harvested = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, "H-1") } });
    expect(harvested).toMatchObject({ status: "ACTIVE", unit: "kg" });
    expect(harvested.quantity?.toString()).toBe("500");

    await record("cooling", {
      lotId: harvested.id,
      locationGln: farmSite,
      coolingDate: TODAY,
      quantity: "500",
      unit: "kg",
      recipientLocationGln: await siteOf(db, members.packer),
      documentType: "harvestlog",
      documentNumber: "HL-77",
    });
    // One write per lot at a time: the packing would be judged against a state about to change.
    const packed = await record("initial_packing", packingValues(harvested.id)).catch((e) => e);
    expect(packed).toBeInstanceOf(AppError);
    expect(packed.message).toBe(
      "Lot H-1 is already waiting for the ledger: wait until that is recorded.",
    );
    await world.settle();
    const events = await db.ledgerEvent.findMany({
      where: { lotId: harvested.id },
      select: { name: true },
    });
    expect(events.map((e) => e.name)).toEqual(["LotCreated", "LotEventRecorded"]);
  });

  it("commissions packages whose Merkle root is the chain's; split, merge and transformation link the lineage", async () => {
    const { db } = world;
    const harvestedId = lotIdOf(GTIN, "H-1");
    const { newLotIds } = await record("initial_packing", packingValues(harvestedId));
    await world.settle();
    const packedId = lotIdOf(GTIN, "P-1");
    expect(newLotIds).toEqual([packedId]);
    const packed = await db.lot.findUniqueOrThrow({ where: { id: packedId } });
    const serials = (await db.package.findMany({ where: { lotId: packedId } })).map(
      (p) => p.serial,
    );
    expect(serials).toHaveLength(12);
    expect(packed.serialsRoot).toBe(serialsRootOf(packedId, serials));
    expect(packed.quantity?.toString()).toBe("480");
    expect((await db.lot.findUniqueOrThrow({ where: { id: harvestedId } })).status).toBe(
      "CONSUMED",
    );
    expect(
      await db.lotLineage.findMany({
        where: { childId: packedId },
        select: { parentId: true, kind: true },
      }),
    ).toEqual([{ parentId: harvestedId, kind: "TRANSFORM" }]);

    await record("split", {
      lotId: packedId,
      locationGln: farmSite,
      "outputs.0.lotCode": "P-1A",
      "outputs.0.quantity": "200",
      "outputs.0.unit": "kg",
      "outputs.1.lotCode": "P-1B",
      "outputs.1.quantity": "280",
      "outputs.1.unit": "kg",
      splitDate: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-2",
    });
    await world.settle();
    await record("merge", {
      inputLotIds: [lotIdOf(GTIN, "P-1A"), lotIdOf(GTIN, "P-1B")],
      locationGln: farmSite,
      lotCode: "P-1M",
      quantity: "480",
      unit: "kg",
      mergeDate: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-3",
    });
    await world.settle();
    const mergedId = lotIdOf(GTIN, "P-1M");
    await record("transformation", {
      inputLotIds: mergedId,
      [`used.${mergedId}`]: "480",
      locationGln: farmSite,
      "outputs.0.gtin": SALAD_GTIN,
      "outputs.0.lotCode": "SALAD-1",
      "outputs.0.quantity": "400",
      "outputs.0.unit": "kg",
      "outputs.0.productDescription": "Chopped salad",
      dateCompleted: TODAY,
      documentType: "prodorder",
      documentNumber: "PO-4",
    });
    await world.settle();
    const salad = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(SALAD_GTIN, "SALAD-1") } });
    expect(salad.quantity?.toString()).toBe("400");
    const merged = await db.lotLineage.findMany({
      where: { childId: mergedId },
      orderBy: { parentId: "asc" },
    });
    expect(merged.map((link) => link.kind)).toEqual(["MERGE", "MERGE"]);
    expect(await db.ledgerTransaction.count({ where: { status: { not: "CONFIRMED" } } })).toBe(0);
  });
});
