import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecall } from "@/lib/recall";
import { createLedgerWorld, GTIN, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getProvenance } from "./get-provenance";
import { findLookalikeLots } from "./lookalike-lots";

// What the consumer page reads beyond the trail: the product, the harvest's field and day, the
// recall's reason, class, date and contact, places' time zones, and look-alike lot codes.

const OTHER_GTIN = "09506000134369";
let ledger: LedgerWorld;
/** Harvest H (farm) shipped to the packer, split into P1 (shipped to the retailer, recalled) and P2. */
const lots = { h: "", p1: "", p2: "" };

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { db, members } = ledger;
  const { farm, packer, retailer } = members;
  await db.product.create({
    data: {
      organizationId: farm.organization.id,
      gtin: GTIN,
      name: "Romaine lettuce, field-packed",
      brand: "Green Valley",
    },
  });
  await db.location.updateMany({
    where: { organizationId: { in: [farm.organization.id, retailer.organization.id] } },
    data: { timeZone: "America/Los_Angeles", phone: "+1 408 555 0112" },
  });
  lots.h = await ledger.harvest("HARVEST-7");
  await ledger.ship(farm, lots.h, packer);
  [lots.p1 = "", lots.p2 = ""] = await ledger.split(packer, lots.h, ["PACK-7A", "PACK-7B"]);
  await ledger.ship(packer, lots.p1, retailer);
  await startRecall({
    db,
    member: retailer,
    lotId: lots.p1,
    input: { reason: "Listeria found in a retained sample.", severity: "CLASS_I" },
    appUrl: "https://lotledger.test",
  });
  await ledger.settle();
});

afterAll(async () => {
  await ledger.drop();
});

describe("getProvenance for the consumer page", () => {
  it("names the product, and the field and harvest day the farm entered", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId: lots.p1 });
    expect(provenance?.product).toEqual({
      name: "Romaine lettuce, field-packed",
      brand: "Green Valley",
      description: null,
      imageUrl: null,
    });
    expect(provenance?.producer).toMatchObject({
      name: "Test farm",
      fieldName: "Field 7",
      harvestDate: new Date().toISOString().slice(0, 10),
    });
  });

  it("gives each place its time zone, null where nobody set one", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId: lots.p1 });
    const zones = new Map(
      provenance?.steps.map((step) => [step.where?.name, step.where?.timeZone]),
    );
    expect(zones.get("FARM site")).toBe("America/Los_Angeles");
    expect(zones.get("PACKER site")).toBeNull();
  });

  it("says why the lot is recalled, in the recaller's words, how seriously, since when and whom to ask", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId: lots.p1 });
    expect(provenance?.recall).toMatchObject({
      lotCode: "PACK-7A",
      isThisLot: true,
      productName: "Romaine lettuce, field-packed",
      notice: {
        reason: "Listeria found in a retained sample.",
        severity: "CLASS_I",
        recalledBy: {
          name: "Test retailer",
          phone: "+1 408 555 0112",
          timeZone: "America/Los_Angeles",
        },
      },
    });
    const since = Date.parse(provenance?.recall?.notice?.since ?? "");
    expect(Date.now() - since).toBeLessThan(10 * 60_000);
    // Its sibling batch is not recalled.
    expect((await getProvenance({ db: ledger.db, lotId: lots.p2 }))?.recall).toBeNull();
  });
});

describe("findLookalikeLots: did you mean …", () => {
  const lookalikes = (lotCode: string, gtin = GTIN) =>
    findLookalikeLots({ db: ledger.db, gtin, lotCode });

  it("offers the recalled lot for its code typed in small letters", async () => {
    expect(await lookalikes("pack-7a")).toEqual([
      { lotCode: "PACK-7A", path: `/01/${GTIN}/10/PACK-7A`, isRecalled: true },
    ]);
  });

  it("offers lots of the GTIN one look-alike character off (B/8, S/5, O/0, I/1), recalled ones first", async () => {
    expect(await lookalikes("PACK-78")).toEqual([
      { lotCode: "PACK-7B", path: `/01/${GTIN}/10/PACK-7B`, isRecalled: false },
    ]);
    expect((await lookalikes("HARVE5T-7")).map((lot) => lot.lotCode)).toEqual(["HARVEST-7"]);
    expect((await lookalikes("pack-7%")).length).toBe(0);
  });

  it("offers nothing of another GTIN, nothing for a code that reads differently, never the code itself", async () => {
    expect(await lookalikes("pack-7a", OTHER_GTIN)).toEqual([]);
    expect(await lookalikes("PACK-7C")).toEqual([]);
    expect(await lookalikes("PACK-7A")).toEqual([]);
  });
});
