import { afterAll, beforeAll, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { epcisDocument } from "@/lib/epcis/standard-event";
import { captureDocument } from "@/lib/epcis-capture";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import {
  commissioning,
  receiving,
  SUPPLIER_GLN,
  SUPPLIER_GTIN,
  shipping,
} from "@/tools/testing/partner-events";
import { getFsmaSpreadsheet } from "./exports";
import { findLotIdsWithEventsBetween } from "./fsma-scope";

// A lot from a supplier that is not on LotLedger, captured by the member that receives it: its
// spreadsheet has a row for each captured step, not only for the registration, and names the
// supplier's places by their GLN rather than the receiver's.

let world: LedgerWorld;
beforeAll(async () => {
  world = await createLedgerWorld();
});
afterAll(async () => {
  await world?.drop();
});

it("gives the supplier's shipment and the receipt captured through EPCIS a row each, verified", async () => {
  const { retailer } = world.members;
  const me = retailer.organization.gln;
  const document = epcisDocument([
    commissioning("FC-1"),
    shipping("FC-1", SUPPLIER_GLN, me),
    receiving("FC-1", SUPPLIER_GLN, me),
  ]);
  const text = JSON.stringify(document);
  const { job } = await captureDocument(world.db, retailer, {
    body: document,
    text,
    payloadHash: "cd".repeat(32),
    errorBehaviour: "ROLLBACK",
  });
  expect(job.acceptedCount).toBe(3);
  await world.settle();

  const lotId = lotIdOf(SUPPLIER_GTIN, "FC-1");
  const sheet = await getFsmaSpreadsheet({ db: world.db, lotId });
  const supplier = `GLN ${SUPPLIER_GLN} (not on LotLedger)`;
  expect(
    sheet?.rows.map((row) => [
      row.cte,
      row.eventDate,
      row.location,
      row.previousSource,
      row.verified,
    ]),
  ).toEqual([
    ["Initial packing", "2026-11-20", supplier, "", "yes"],
    ["Shipping", "2026-11-21", supplier, "", "yes"],
    ["Receiving", "2026-11-22", expect.stringContaining("Test retailer"), supplier, "yes"],
  ]);
  expect(sheet?.rows[1]?.subsequentRecipient).toContain("Test retailer");
  expect(sheet?.rows.every((row) => row.recordedBy === "Test retailer")).toBe(true);
});

it("puts a lot in an FDA date range when its only step that day was captured off LotLedger", async () => {
  // FC-1's shipment by its supplier (21 November) has no ledger event of its own: only the capture's
  // anchor vouches for it. Its registration was on the 20th and its receipt on the 22nd.
  const lotId = lotIdOf(SUPPLIER_GTIN, "FC-1");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const between = (from: string, to: string) =>
    findLotIdsWithEventsBetween({ db: world.db, from: day(from), to: day(to) });
  expect(await between("2026-11-21", "2026-11-22")).toContain(lotId);
  expect(await between("2026-11-23", "2026-11-30")).not.toContain(lotId);
});
