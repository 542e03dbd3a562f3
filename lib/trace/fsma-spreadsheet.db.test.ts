import { encodeBytes32String, id, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { locationId, lotEpcClass, partyId, referenceDocument } from "@/lib/epcis/event";
import { indexNextBatch } from "@/lib/indexer/indexer";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { getFsmaSpreadsheet } from "./exports";
import { FSMA_COLUMNS } from "./fsma-row";

const APP_URL = "https://lotledger.example";
const GTIN = "09506000134352";
const PACKED = "09506000134369";
const provider = createProvider(inject("rpcUrl"), 31337);
const lot = (code: string) => lotIdOf(code === "H" || code === "U" ? GTIN : PACKED, code);
const gtinOf = (code: string) => (code === "H" || code === "U" ? GTIN : PACKED);
const newLot = (code: string) => ({
  gtin: BigInt(PACKED),
  lotCode: encodeLotCode(code),
  serialsRoot: ZeroHash,
});
// Parties: the farm packs too (account 1), the carrier (2), the retailer (3).
const SITES = {
  farm: { gln: "9506000000100", name: "Green Valley Farm", site: "Field office" },
  carrier: { gln: "9506000000101", name: "ColdRoute Logistics", site: "Depot" },
  store: { gln: "9506000000102", name: "FreshMart", site: "Store 12" },
};
type Party = keyof typeof SITES;
/** Each organisation's party GLN, which its payloads name as the owning party. */
const partyGln = (party: Party) => SITES[party].gln.replace("0001", "0002");

let database: TestDatabase;
let db: Db;
let f: LotTrackerFixture;
let block = 0;

/** An EPCIS payload as the event forms write it, stored before its transaction like the outbox. */
async function store(cte: string, at: Party, code: string, extra: object): Promise<string> {
  const body = {
    type: cte === "split" || cte === "initial_packing" ? "TransformationEvent" : "ObjectEvent",
    cte,
    eventTime: `2026-07-${String(++block).padStart(2, "0")}T09:00:00-07:00`,
    eventTimeZoneOffset: "-07:00",
    bizStep: cte,
    disposition: "active",
    readPoint: { id: locationId(SITES[at].gln) },
    bizLocation: { id: locationId(SITES[at].gln) },
    sourceList: [{ type: "owning_party", id: partyId(partyGln(at)) }],
    bizTransactionList: [referenceDocument("bol", `BOL ${code}-${block}`)],
    eventId: `${cte}-${code}-${block}`,
    ...extra,
  } as PayloadValue;
  const hash = hashPayload(body);
  await db.eventPayload.create({ data: { hash, body: body as object } });
  return hash;
}
const quantity = (code: string, n: number, uom = "KGM") => ({
  epcClass: lotEpcClass(gtinOf(code), code),
  quantity: n,
  uom,
});
const to = (party: Party) => [
  { type: "owning_party", id: partyId(partyGln(party)) },
  { type: "location", id: locationId(SITES[party].gln) },
];

async function recordOnChain(): Promise<void> {
  const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);
  const t = f.lotTracker;
  const ship = async (code: string, from: Party, party: Party, signer = t) => {
    const shipped = await store("shipping", from, code, {
      quantityList: [quantity(code, 400)],
      destinationList: to(party),
    });
    const recipient = party === "carrier" ? f.carrier : f.retailer;
    await wait(signer.handoff(lot(code), recipient.address, shipped));
    const received = await store("receiving", party, code, {
      quantityList: [quantity(code, 400)],
      sourceList: to(from),
      destinationList: [{ type: "owning_party", id: partyId(partyGln(party)) }],
    });
    await wait(t.connect(recipient).acceptHandoff(lot(code), received));
  };
  const harvest = await store("harvesting", "farm", "H", {
    quantityList: [quantity("H", 1000)],
    destinationList: to("farm"),
    ilmd: {
      commodity: "Lettuce",
      variety: "Romaine",
      harvestDate: "2026-07-01",
      fieldName: "+North 4",
    },
  });
  await f.createLot(GTIN, "H", harvest);
  const cooled = await store("cooling", "farm", "H", { quantityList: [quantity("H", 1000)] });
  await wait(t.recordEvent(lot("H"), encodeBytes32String("cooling"), cooled));
  const packed = await store("initial_packing", "farm", "P", {
    inputQuantityList: [quantity("H", 950)],
    outputQuantityList: [quantity("P", 900)],
    ilmd: { productDescription: "Romaine hearts, 10 kg", commodity: "Lettuce", variety: "Romaine" },
    kde: { tlcSourceGln: SITES.farm.gln },
  });
  await wait(t.transform([lot("H")], [newLot("P")], packed));
  const split = await store("split", "farm", "C1", {
    inputQuantityList: [quantity("P", 900)],
    outputQuantityList: [quantity("C1", 400), quantity("C2", 500)],
    kde: { tlcSourceGln: SITES.farm.gln },
  });
  await wait(t.split(lot("P"), [newLot("C1"), newLot("C2")], split));
  await ship("C1", "farm", "carrier");
  await ship("C1", "carrier", "store", t.connect(f.carrier));
  // C2: a shipping record altered after it was hashed, and an event whose record was never stored.
  const altered = await store("shipping", "farm", "C2", { destinationList: to("store") });
  await wait(t.handoff(lot("C2"), f.retailer.address, altered));
  await db.eventPayload.update({ where: { hash: altered }, data: { body: { cte: "shipping" } } });
  await wait(t.recordEvent(lot("C2"), encodeBytes32String("cooling"), id("never stored")));
  await f.createLot(GTIN, "U", await store("harvesting", "farm", "U", {}));
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await deployLotTrackerFixture(provider);
  const accounts = { farm: f.producer, carrier: f.carrier, store: f.retailer };
  for (const [party, s] of Object.entries(SITES)) {
    await db.organization.create({
      data: {
        name: s.name,
        kind: party === "farm" ? "FARM" : party === "carrier" ? "CARRIER" : "RETAILER",
        gln: partyGln(party as Party),
        chainAddress: accounts[party as Party].address,
        encryptedKey: "unused",
        locations: { create: { gln: s.gln, name: s.site, address: `1 ${s.site} Rd, Salinas` } },
      },
    });
  }
  await recordOnChain();
  const source = {
    db,
    provider,
    chainId: 31337,
    contractAddress: f.address,
    startBlock: f.blockNumber,
    confirmations: 0,
  };
  while ((await indexNextBatch(source)).blocks > 0);
});

afterAll(async () => {
  await database.drop();
});

describe("getFsmaSpreadsheet", () => {
  it("gives one row per critical tracking event of the lot's sources and itself, in chain order", async () => {
    const sheet = await getFsmaSpreadsheet({ db, lotId: lot("C1"), appUrl: APP_URL });
    const view = sheet?.rows.map((r) => [r.lotCode, r.cte, r.generation, r.verified]);
    expect(view).toEqual([
      ["H", "Harvesting", -2, "yes"],
      ["H", "Cooling", -2, "yes"],
      ["P", "Initial packing", -1, "yes"],
      ["C1", "Transformation (split)", 0, "yes"],
      ["C1", "Shipping", 0, "yes"],
      ["C1", "Receiving", 0, "yes"],
      ["C1", "Shipping", 0, "yes"],
      ["C1", "Receiving", 0, "yes"],
    ]);
  });

  it("fills each event's key data elements from its payload and the lot's TLC-assigning event", async () => {
    const rows = (await getFsmaSpreadsheet({ db, lotId: lot("C1"), appUrl: APP_URL }))?.rows ?? [];
    const farm = "Green Valley Farm — Field office, 1 Field office Rd, Salinas";
    const carrier = "ColdRoute Logistics — Depot, 1 Depot Rd, Salinas";
    // A harvest lot has no TLC yet: initial packing assigns it.
    expect(rows.slice(0, 2).map((r) => [r.tlc, r.tlcSource, r.tlcSourceReference])).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
    expect(rows[1]).toMatchObject({ harvestFarm: farm });
    expect(rows[2]).toMatchObject({
      tlc: "P",
      tlcSource: farm,
      tlcSourceReference: `${APP_URL}/01/${PACKED}/10/P`,
    });
    expect(rows[0]).toMatchObject({
      gtin: GTIN,
      productDescription: "Lettuce, Romaine",
      commodityVariety: "Lettuce, Romaine",
      eventDate: "2026-07-01",
      eventTime: "2026-07-01T09:00:00-07:00",
      quantity: "1000",
      unit: "kg",
      location: farm,
      locationGln: SITES.farm.gln,
      subsequentRecipient: farm,
      fieldName: "+North 4",
      harvestDate: "2026-07-01",
      documentType: "Bill of lading",
      documentNumber: "BOL H-1",
      recordedBy: "Green Valley Farm",
    });
    // The split's lots inherit the product of the packed lot; the split names its input.
    expect(rows[3]).toMatchObject({
      productDescription: "Romaine hearts, 10 kg",
      quantity: "400",
      inputs: `P [${PACKED}] 900 kg`,
      tlcSourceGln: SITES.farm.gln,
    });
    expect(rows[4]).toMatchObject({
      cte: "Shipping",
      subsequentRecipient: carrier,
      previousSource: "",
    });
    expect(rows[7]).toMatchObject({
      cte: "Receiving",
      previousSource: carrier,
      location: "FreshMart — Store 12, 1 Store 12 Rd, Salinas",
      recordedBy: "FreshMart",
    });
  });

  it("marks altered and missing records, and leaves out siblings and unrelated lots", async () => {
    const sheet = await getFsmaSpreadsheet({ db, lotId: lot("P"), appUrl: APP_URL });
    const codes = new Set(sheet?.rows.map((r) => r.lotCode));
    expect([...codes].sort()).toEqual(["C1", "C2", "H", "P"]);
    const c2 = sheet?.rows.filter((r) => r.lotCode === "C2").map((r) => [r.cte, r.verified]);
    expect(c2).toEqual([
      ["Transformation (split)", "yes"],
      ["Shipping", "no: record altered"],
      ["Cooling", "no: record missing"],
    ]);
    const c1Sheet = await getFsmaSpreadsheet({ db, lotId: lot("C1"), appUrl: APP_URL });
    expect(c1Sheet?.rows.some((r) => r.lotCode === "C2" || r.lotCode === "U")).toBe(false);
  });

  it("writes the rows as RFC 4180 CSV, quoted and formula-safe", async () => {
    const sheet = await getFsmaSpreadsheet({ db, lotId: lot("C1"), appUrl: APP_URL });
    const lines = sheet?.csv.split("\r\n") ?? [];
    expect(lines[0]).toBe(FSMA_COLUMNS.map(([, header]) => header).join(","));
    expect(lines).toHaveLength(10); // header, 8 rows, and the empty string after the last CRLF
    expect(lines[1]).toContain(',"Lettuce, Romaine","Lettuce, Romaine",Harvesting,2026-07-01,');
    expect(lines[1]).toMatch(/^,H,/);
    expect(lines[1]).toContain(
      ",'+North 4,,2026-07-01,,,,Bill of lading,BOL H-1,Green Valley Farm,-2,",
    );
  });

  it("returns null for a lot the read model does not have", async () => {
    expect(
      await getFsmaSpreadsheet({ db, lotId: lotIdOf(GTIN, "NOPE"), appUrl: APP_URL }),
    ).toBeNull();
  });
});
