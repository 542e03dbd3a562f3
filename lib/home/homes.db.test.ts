import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { findVisibleLotIds } from "@/lib/lots/visibility";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { harvestLot, shipLot, siteOf } from "@/tools/testing/lot-steps";
import {
  getCarrierHome,
  getProducerHome,
  getRetailerHome,
  searchEverything,
  searchOutbreak,
} from ".";

// Each home lists only what its organisation is a party to (lib/lots' visibility rules), says who
// sent what and when, and a stranger of the same kind sees empty sections. The story: the farm
// harvests H1 and H2 and ships both to the packer, which accepts H1 and splits it into A, B and C;
// A waits for the carrier to pick it up, B is on the carrier's truck, C was delivered to the
// retailer and accepted there. H2 is still on its way to the packer.

let ledger: LedgerWorld;
const lots = { h1: "", h2: "", a: "", b: "", c: "" };
let strangerCarrier: Member;
let strangerShop: Member;

beforeAll(async () => {
  ledger = await createLedgerWorld();
  const { db, members } = ledger;
  const { farm, packer, carrier, retailer } = members;
  strangerCarrier = await ledger.addOrganization("CARRIER", "Stranger carrier");
  strangerShop = await ledger.addOrganization("RETAILER", "Stranger shop");
  lots.h1 = await ledger.harvest("HOME-H1");
  await ledger.ship(farm, lots.h1, packer);
  [lots.a = "", lots.b = "", lots.c = ""] = await ledger.split(packer, lots.h1, [
    "HOME-A",
    "HOME-B",
    "HOME-C",
  ]);
  await shipLot(db, packer, { lotId: lots.a, to: carrier });
  await ledger.ship(packer, lots.b, carrier);
  await ledger.ship(packer, lots.c, carrier);
  await ledger.ship(carrier, lots.c, retailer);
  lots.h2 = (await harvestLot(db, farm, { lotCode: "HOME-H2", nextHolder: packer })).lotId;
  await ledger.settle();
  await shipLot(db, farm, { lotId: lots.h2, to: packer });
  await ledger.settle();
}, 180_000);

afterAll(async () => {
  await ledger.drop();
});

/** Every lot id a home shows must be one the member may see. */
async function expectVisible(member: Member, lotIds: string[]) {
  const visible = await findVisibleLotIds({ db: ledger.db, member, lotIds });
  expect(lotIds.filter((id) => !visible.has(id))).toEqual([]);
}

describe("the homes", () => {
  it("shows a farm the lots it recorded today and nothing it is not a party to", async () => {
    const { farm } = ledger.members;
    const home = await getProducerHome({ db: ledger.db, member: farm });
    expect(home.today.items.map((lot) => lot.lotCode).sort()).toEqual(["HOME-H1", "HOME-H2"]);
    expect(home.today.total).toBe(2);
    expect(home.incoming.total).toBe(0);
    await expectVisible(
      farm,
      home.today.items.map((lot) => lot.id),
    );
    // Tomorrow, nothing was recorded "today".
    const tomorrow = await getProducerHome({
      db: ledger.db,
      member: farm,
      now: new Date(Date.now() + 2 * 86_400_000),
    });
    expect(tomorrow.today.items).toEqual([]);
  });

  it("tells the packer who sent what, how much, and when", async () => {
    const { packer, farm } = ledger.members;
    const home = await getProducerHome({ db: ledger.db, member: packer });
    expect(home.incoming.items).toEqual([
      expect.objectContaining({
        id: lots.h2,
        lotCode: "HOME-H2",
        product: expect.any(String),
        quantity: "100",
        unit: "kg",
        party: farm.organization.name,
        carrier: null,
        status: "IN_TRANSIT",
        at: expect.any(Date),
      }),
    ]);
    expect(home.today.items.map((lot) => lot.lotCode).sort()).toEqual([
      "HOME-A",
      "HOME-B",
      "HOME-C",
    ]);
    await expectVisible(
      packer,
      [...home.incoming.items, ...home.today.items].map((l) => l.id),
    );
  });

  it("shows a carrier what to pick up, what it carries and what it delivered", async () => {
    const { carrier, packer, retailer } = ledger.members;
    const home = await getCarrierHome({
      db: ledger.db,
      address: carrier.organization.chainAddress,
    });
    expect(home.toPickUp.items.map((l) => [l.lotCode, l.party])).toEqual([
      ["HOME-A", packer.organization.name],
    ]);
    expect(home.toPickUp.items[0]?.recipient).toBe(carrier.organization.name);
    expect(home.inTransit.items.map((l) => [l.lotCode, l.status])).toEqual([["HOME-B", "ACTIVE"]]);
    expect(home.delivered.map((l) => [l.lotCode, l.party])).toEqual([
      ["HOME-C", retailer.organization.name],
    ]);
    await expectVisible(
      carrier,
      [...home.toPickUp.items, ...home.inTransit.items, ...home.delivered].map((l) => l.id),
    );
    const stranger = await getCarrierHome({
      db: ledger.db,
      address: strangerCarrier.organization.chainAddress,
    });
    expect([stranger.toPickUp.total, stranger.inTransit.total, stranger.delivered.length]).toEqual([
      0, 0, 0,
    ]);
  });

  it("shows a retailer its stock by product, and a stranger shop none", async () => {
    const { retailer } = ledger.members;
    const home = await getRetailerHome({ db: ledger.db, member: retailer });
    expect(home.stock).toEqual([
      expect.objectContaining({ lots: 1, unit: "kg", quantity: expect.stringMatching(/^33/) }),
    ]);
    expect(home.incoming.total).toBe(0);
    expect(home.recalls.total).toBe(0);
    const stranger = await getRetailerHome({ db: ledger.db, member: strangerShop });
    expect([stranger.stock, stranger.incoming.total, stranger.recalls.total]).toEqual([[], 0, 0]);
  });

  it("finds every lot and organisation for a regulator, and the lots of an outbreak", async () => {
    const { regulator, farm } = ledger.members;
    const search = await searchEverything({ db: ledger.db, member: regulator, query: "HOME-" });
    expect(search.lots.map((lot) => lot.lotCode).sort()).toEqual([
      "HOME-A",
      "HOME-B",
      "HOME-C",
      "HOME-H1",
      "HOME-H2",
    ]);
    const byName = await searchEverything({
      db: ledger.db,
      member: regulator,
      query: farm.organization.name.slice(0, 6),
    });
    expect(byName.organizations.map((o) => o.name)).toContain(farm.organization.name);
    const placeGln = await siteOf(ledger.db, farm);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "UTC" }).format(new Date());
    const outbreak = await searchOutbreak({
      db: ledger.db,
      query: { product: "09506000134352", placeGln, from: today, to: today },
    });
    expect(outbreak.lots.map((lot) => lot.lotCode).sort()).toEqual(["HOME-H1", "HOME-H2"]);
    const lastYear = await searchOutbreak({
      db: ledger.db,
      query: { product: "09506000134352", placeGln, from: "2025-01-01", to: "2025-01-31" },
    });
    expect(lastYear.lots).toEqual([]);
  });
});
