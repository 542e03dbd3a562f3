import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { getProvenance } from "./get-provenance";

let ledger: LedgerWorld;
/** Harvest H (farm) shipped to the packer, split into P1 (shipped to the retailer) and P2. */
const lots = { h: "", p1: "", p2: "" };

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { farm, packer, retailer } = ledger.members;
  lots.h = await ledger.harvest("HARVEST-7");
  await ledger.ship(farm, lots.h, packer);
  [lots.p1 = "", lots.p2 = ""] = await ledger.split(packer, lots.h, ["PACK-7A", "PACK-7B"]);
  await ledger.ship(packer, lots.p1, retailer);
});

afterAll(async () => {
  await ledger.drop();
});

describe("getProvenance of a lot made from another", () => {
  it("tells the journey from the harvest: the source lot's steps, then its own, in ledger order", async () => {
    const provenance = await getProvenance({ db: ledger.db, lotId: lots.p1 });
    expect(provenance?.steps.map((step) => [step.what, step.sourceLotCode])).toEqual([
      ["Harvested by Test farm", "HARVEST-7"],
      ["Shipped by Test farm to Test packer", "HARVEST-7"],
      ["Received by Test packer", "HARVEST-7"],
      ["Made by split at Test packer", null],
      ["Shipped by Test packer to Test retailer", null],
      ["Received by Test retailer", null],
    ]);
    expect(provenance?.steps.every((step) => step.isVerified)).toBe(true);
    expect(provenance?.producer).toMatchObject({
      name: "Test farm",
      place: { name: "FARM site" },
    });
    expect(provenance?.lineageLotIds).toEqual([lots.p1, lots.h]);
  });

  it("leaves out the sibling batch's steps, and a lot made from nothing tracked has only its own", async () => {
    const sibling = await getProvenance({ db: ledger.db, lotId: lots.p2 });
    expect(sibling?.steps.map((step) => step.what)).not.toContain(
      "Shipped by Test packer to Test retailer",
    );
    const harvest = await getProvenance({ db: ledger.db, lotId: lots.h });
    expect(harvest?.steps.every((step) => step.sourceLotCode === null)).toBe(true);
    expect(harvest?.lineageLotIds).toEqual([lots.h]);
  });
});
