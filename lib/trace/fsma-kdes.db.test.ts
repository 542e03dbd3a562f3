import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { EVENT_FORMS } from "@/lib/events/forms/event-forms";
import type { FieldSpec, FormContext } from "@/lib/events/forms/field-spec";
import { receiveLot } from "@/lib/events/receiving";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { handOffLot } from "@/lib/events/shipping";
import { KDE_TABLE } from "@/tools/testing/fsma-kde-table";
import { createLedgerWorld, type LedgerWorld } from "@/tools/testing/ledger-world";
import { TEST_GTIN as GTIN, siteOf } from "@/tools/testing/lot-steps";
import { getFsmaSpreadsheet } from "./exports";
import type { FsmaRow } from "./fsma-row";

// Every key data element of every critical tracking event in DESIGN.md's table, checked against the
// form that collected it: each CTE is recorded through its form's domain function with every field
// filled in, then the lot's FSMA 204 spreadsheet must carry each value the form asked for in that
// event's row, and each KDE of the table in its column. A field added to a form and not exported, or
// a KDE the export drops, fails here.

const APP_URL = "https://lotledger.example";
const DAY = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const TODAY = DAY(0);

let world: LedgerWorld;
let farm: Member;
let packer: Member;
const sites: Record<string, string> = {};

/** What each CTE's form was filled in with, and its row in the export. */
const recorded = new Map<string, { values: Record<string, string>; row?: FsmaRow }>();

const FORM_CONTEXT = (heldLots: FormContext["heldLots"] = []): FormContext => ({
  today: TODAY,
  ownLocations: [],
  partnerLocations: [],
  heldLots,
  lotChoices: { search: "", chosen: [], found: heldLots, hasMore: false },
  products: [],
  lot: null,
  outputs: 1,
});

/** Each place's and lot's name as the export writes it, by GLN or lot id. */
const names = new Map<string, string>();

/** A value a form field was filled in with, as the export writes it. */
function exported(field: string, value: string): string {
  if (field === "documentType") return documentTypeLabel(value);
  return names.get(value) ?? value;
}

/**
 * The fields of a form a person types or chooses: every one but hidden ones and headings, and the
 * quantity used of each lot the lot picker offers.
 */
const askedFields = (fields: FieldSpec[]) =>
  fields.flatMap((field) => {
    if (field.kind === "hidden" || field.kind === "heading") return [];
    if (field.kind !== "lots" || !field.withUsed) return [field.name];
    const lots = [...field.choices.chosen, ...field.choices.found];
    return [field.name, ...lots.map((lot) => `used.${lot.value}`)];
  });

beforeAll(async () => {
  world = await createLedgerWorld();
  ({ farm, packer } = world.members);
  const { db, members } = world;
  for (const [name, member] of Object.entries(members)) {
    sites[name] = await siteOf(db, member);
    const kind = member.organization.kind;
    names.set(sites[name] as string, `${member.organization.name} — ${kind} site`);
    // Every place with its whole FSMA 204 location description.
    await db.location.update({
      where: { gln: sites[name] },
      data: {
        city: `${name} city`,
        region: "CA",
        postalCode: "95000",
        countryCode: "US",
        phone: `+1 408 555 01${Object.keys(sites).length}0`,
      },
    });
  }
  const record = async (cte: string, member: Member, values: Record<string, string>) => {
    recorded.set(cte, { values });
    await queueTrackingEvent({ db, member, cte, values });
    await world.settle();
  };
  await record("harvesting", farm, {
    locationGln: sites.farm as string,
    commodity: "Lettuce",
    variety: "Romaine KDE",
    fieldName: "Field 7 KDE",
    harvestDate: DAY(3),
    gtin: GTIN,
    lotCode: "KDE-H",
    quantity: "500",
    unit: "kg",
    recipientLocationGln: sites.farm as string,
    documentType: "harvestlog",
    documentNumber: "HL-KDE",
  });
  const harvestId = lotIdOf(GTIN, "KDE-H");
  names.set(harvestId, "KDE-H");
  await record("cooling", farm, {
    lotId: harvestId,
    locationGln: sites.farm as string,
    coolingDate: DAY(2),
    quantity: "499",
    unit: "kg",
    recipientLocationGln: sites.packer as string,
    documentType: "harvestlog",
    documentNumber: "CL-KDE",
  });
  await record("initial_packing", farm, {
    inputLotIds: harvestId,
    quantityReceived: "498",
    unitReceived: "kg",
    dateReceived: DAY(2),
    commodity: "Lettuce",
    variety: "Romaine KDE",
    harvestLocation: "Test farm, 0 Test Rd, farm city",
    fieldName: "Field 7 KDE",
    harvesterBusinessName: "Harvest Crew KDE",
    harvesterPhone: "+1 831 555 0199",
    harvestDate: DAY(3),
    coolingLocation: "Farm cooler KDE",
    coolingDate: DAY(2),
    productDescription: "Romaine hearts KDE",
    gtin: GTIN,
    lotCode: "KDE-P",
    quantity: "480",
    unit: "kg",
    packages: "2",
    packingDate: DAY(1),
    locationGln: sites.farm as string,
    documentType: "prodorder",
    documentNumber: "PO-KDE",
  });
  const packedId = lotIdOf(GTIN, "KDE-P");
  const shipping = {
    recipientGln: sites.retailer as string,
    carrierGln: world.members.carrier.organization.gln,
    documentType: "bol",
    documentNumber: "BOL KDE-1",
  };
  recorded.set("shipping", { values: shipping });
  await handOffLot({ db, member: farm, lotId: packedId, input: shipping });
  await world.settle();
  const accept = { decision: "accept" };
  await receiveLot({ db, member: members.carrier, lotId: packedId, input: accept });
  await world.settle();
  // The carrier delivers it as its form offers: to the shipment's destination, documents kept.
  const delivery = { recipientGln: sites.retailer as string };
  await handOffLot({ db, member: members.carrier, lotId: packedId, input: delivery });
  await world.settle();
  recorded.set("receiving", { values: accept });
  await receiveLot({ db, member: members.retailer, lotId: packedId, input: accept });
  await world.settle();
  await record("first_land_based_receiving", packer, {
    locationGln: sites.packer as string,
    productDescription: "Whiteleg shrimp KDE",
    gtin: GTIN,
    lotCode: "KDE-F",
    quantity: "120",
    unit: "kg",
    harvestDateStart: DAY(5),
    harvestDateEnd: DAY(4),
    catchLocations: "FAO 27.IVb KDE",
    landingDate: DAY(3),
    documentType: "bol",
    documentNumber: "LAND-KDE",
  });
  const landedId = lotIdOf(GTIN, "KDE-F");
  names.set(landedId, "KDE-F");
  await record("transformation", packer, {
    inputLotIds: landedId,
    [`used.${landedId}`]: "110",
    "outputs.0.productDescription": "Shrimp cocktail KDE",
    "outputs.0.gtin": GTIN,
    "outputs.0.lotCode": "KDE-T",
    "outputs.0.quantity": "100",
    "outputs.0.unit": "kg",
    dateCompleted: DAY(2),
    locationGln: sites.packer as string,
    documentType: "prodorder",
    documentNumber: "WO-KDE",
  });
  const sheets = [
    await getFsmaSpreadsheet({ db, lotId: packedId, appUrl: APP_URL }),
    await getFsmaSpreadsheet({ db, lotId: lotIdOf(GTIN, "KDE-T"), appUrl: APP_URL }),
  ];
  const rows = sheets.flatMap((sheet) => sheet?.rows ?? []);
  const rowOf = (cte: string, lotCode: string) =>
    rows.find((row) => row.cte === cte && row.lotCode === lotCode);
  const rowsByCte: Record<string, FsmaRow | undefined> = {
    harvesting: rowOf("Harvesting", "KDE-H"),
    cooling: rowOf("Cooling", "KDE-H"),
    initial_packing: rowOf("Initial packing", "KDE-P"),
    shipping: rowOf("Shipping", "KDE-P"),
    receiving: rowOf("Receiving", "KDE-P"),
    first_land_based_receiving: rowOf("First land-based receiving", "KDE-F"),
    transformation: rowOf("Transformation", "KDE-T"),
  };
  for (const [cte, row] of Object.entries(rowsByCte)) {
    const entry = recorded.get(cte);
    if (entry) entry.row = row;
  }
}, 240_000);

afterAll(async () => {
  await world.drop();
});

describe("every KDE of every CTE in DESIGN's table reaches the FSMA 204 export", () => {
  it.each(Object.keys(KDE_TABLE))("%s: each KDE has its column filled", (cte) => {
    const row = recorded.get(cte)?.row;
    expect(row, `no ${cte} row in the export`).toBeDefined();
    const empty = (KDE_TABLE[cte] ?? []).flatMap(([kde, columns]) =>
      columns.filter((column) => String(row?.[column] ?? "") === "").map((c) => `${kde}: ${c}`),
    );
    expect(empty).toEqual([]);
    expect(row?.verified).toBe("yes");
  });

  it.each(Object.keys(EVENT_FORMS).filter((cte) => cte in KDE_TABLE))(
    "%s: each value its form asked for is in its row",
    (cte) => {
      const { values, row } = recorded.get(cte) ?? { values: {} };
      const held = [{ value: lotIdOf(GTIN, "KDE-F"), label: "KDE-F", quantity: "120", unit: "kg" }];
      const form = EVENT_FORMS[cte]?.(FORM_CONTEXT(cte === "transformation" ? held : []));
      const cells = Object.values(row ?? {}).map(String);
      const missing = askedFields(form?.fields ?? [])
        .filter((field) => field !== "packages" && !field.endsWith(".packages"))
        .filter((field) => {
          const value = values[field];
          if (value === undefined) return true; // the form asks for it; the test must fill it in
          return !cells.some((cell) => cell.includes(exported(field, value)));
        });
      expect(missing).toEqual([]);
    },
  );

  it("shipping: the recipient is the store, the carrier the transporter, the BOL the document", () => {
    const row = recorded.get("shipping")?.row;
    expect(row?.subsequentRecipient).toMatch(/^Test retailer — RETAILER site, 3 Test Rd, /);
    expect(row?.subsequentRecipient).toContain(", US, phone +1 408 555 01");
    expect(row?.transporter).toMatch(/^Test carrier/);
    expect(row?.documentNumber).toBe("BOL KDE-1");
    const receiving = recorded.get("receiving")?.row;
    expect(receiving?.previousSource).toMatch(
      /^Test farm — FARM site, 0 Test Rd, farm city, CA 95000, US/,
    );
    expect(receiving?.transporter).toMatch(/^Test carrier/);
    expect(receiving?.documentNumber).toBe("BOL KDE-1");
  });
});
