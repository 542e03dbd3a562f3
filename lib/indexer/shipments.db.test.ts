import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { compareReadModels } from "@/tools/testing/read-model";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

// Batched shipments and pallets in the read model: each batch log becomes one row per lot named as
// the single-lot event, lots change as they would lot by lot, and Shipment / LogisticUnit rows follow.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const PALLET = "106141412345678908"; // GS1's example SSCC: prefix 0614141, extension digit 1
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lot = (code: string) => lotIdOf(GTIN, code);
const lots = (codes: string) => codes.split("").map(lot);
/** A shipping payload as the domain writes it: its handle (kde.shipment) and the pallets (epcList). */
const shipping = {
  type: "ObjectEvent",
  cte: "shipping",
  bizStep: "shipping",
  disposition: "in_transit",
  epcList: ["urn:epc:id:sscc:0614141.1234567890"],
  kde: { shipment: "2f0c7a8e-4a51-4f7e-9d7e-3f0b6e1d2c3a" },
};

let f: LotTrackerFixture;
let source: Omit<IndexerSource, "db">;
const databases: TestDatabase[] = [];
const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);

async function indexedDatabase(options: Partial<IndexerSource> = {}): Promise<Db> {
  const database = await createTestDatabase();
  databases.push(database);
  await database.db.eventPayload.create({ data: { hash: hashPayload(shipping), body: shipping } });
  while ((await indexNextBatch({ ...source, db: database.db, ...options })).blocks > 0);
  return database.db;
}

const rowsNamed = (db: Db, name: string) =>
  db.ledgerEvent.findMany({
    where: { name },
    orderBy: { lotId: "asc" },
    select: { lotId: true, args: true },
  });

beforeAll(async () => {
  f = await deployLotTrackerFixture(provider);
  source = {
    provider,
    chainId: CHAIN_ID,
    contractAddress: f.address,
    startBlock: f.blockNumber,
    confirmations: 0,
  };
  const asCarrier = f.lotTracker.connect(f.carrier);
  const asRetailer = f.lotTracker.connect(f.retailer);
  for (const code of "ABCDEFG") await f.createLot(GTIN, code, id(code));
  // A, B, C packed on one pallet, shipped to the carrier in shipment 1, accepted whole, unpacked.
  await wait(f.lotTracker.packUnit(BigInt(PALLET), lots("ABC"), id("contents"), id("pack")));
  await wait(f.lotTracker.handoffBatch(lots("ABC"), f.carrier.address, hashPayload(shipping)));
  await wait(asCarrier.acceptShipment(1, id("receive 1")));
  await wait(asCarrier.unpackUnit(BigInt(PALLET), lots("ABC"), id("unpack")));
  // D, E, F, G shipped to the retailer in shipment 2: D and E accepted as a pallet, F and G refused.
  await wait(f.lotTracker.handoffBatch(lots("DEFG"), f.retailer.address, id("ship 2")));
  await wait(asRetailer.acceptBatch(2, lots("DE"), id("receive DE")));
  await wait(asRetailer.rejectBatch(2, lots("FG"), id("refuse FG")));
  // The retailer recalls A, which the carrier holds through shipment 1's whole answer.
  await wait(asRetailer.recall(lot("A"), id("listeria")));
});

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("batched shipments and pallets in the read model", () => {
  it("expands a shipment answered whole into per-lot handoff and accept rows, the lots with the carrier", async () => {
    const db = await indexedDatabase();
    const handedOff = await rowsNamed(db, "LotHandedOff");
    expect(handedOff.filter((row) => lots("ABC").includes(row.lotId))).toEqual(
      lots("ABC")
        .sort()
        .map((lotId) => ({
          lotId,
          args: {
            lotId,
            actor: f.producer.address,
            recipient: f.carrier.address,
            payloadHash: hashPayload(shipping),
            shipment: "1",
          },
        })),
    );
    const accepted = await rowsNamed(db, "LotHandoffAccepted");
    expect(accepted.filter((row) => (row.args as { shipment: string }).shipment === "1")).toEqual(
      lots("ABC")
        .sort()
        .map((lotId) => ({
          lotId,
          args: {
            lotId,
            actor: f.carrier.address,
            from: f.producer.address,
            payloadHash: id("receive 1"),
            shipment: "1",
          },
        })),
    );
    for (const code of "BC") {
      expect(await db.lot.findUniqueOrThrow({ where: { id: lot(code) } })).toMatchObject({
        status: "ACTIVE",
        custodian: f.carrier.address,
        recipient: null,
      });
    }
    expect(
      await db.shipment.findUniqueOrThrow({
        where: { chainId_number: { chainId: CHAIN_ID, number: 1 } },
      }),
    ).toMatchObject({
      reference: shipping.kde.shipment,
      sender: f.producer.address,
      recipient: f.carrier.address,
      lotIds: lots("ABC"),
      ssccs: [PALLET],
      answer: "ACCEPTED",
    });
  });

  it("keeps a lot recalled after its shipment was accepted whole, with the new custodian", async () => {
    const db = await indexedDatabase();
    expect(await db.lot.findUniqueOrThrow({ where: { id: lot("A") } })).toMatchObject({
      status: "RECALLED",
      custodian: f.carrier.address,
      recallReasonHash: id("listeria"),
    });
    expect(await f.lotTracker.custodianOf(lot("A"))).toBe(f.carrier.address);
  });

  it("answers part of a shipment by pallet: accepted lots move, refused ones stay, no whole answer", async () => {
    const db = await indexedDatabase();
    const custody = await db.lot.findMany({
      where: { id: { in: lots("DEFG") } },
      orderBy: { lotCode: "asc" },
      select: { lotCode: true, status: true, custodian: true },
    });
    expect(custody).toEqual(
      [..."DE"]
        .map((lotCode) => ({ lotCode, status: "ACTIVE", custodian: f.retailer.address }))
        .concat(
          [..."FG"].map((lotCode) => ({
            lotCode,
            status: "ACTIVE",
            custodian: f.producer.address,
          })),
        ),
    );
    const refused = await rowsNamed(db, "LotHandoffRejected");
    expect(refused.map((row) => [row.lotId, (row.args as { shipment: string }).shipment])).toEqual(
      lots("FG")
        .sort()
        .map((lotId) => [lotId, "2"]),
    );
    const shipment = await db.shipment.findUniqueOrThrow({
      where: { chainId_number: { chainId: CHAIN_ID, number: 2 } },
    });
    expect(shipment).toMatchObject({
      reference: null,
      ssccs: [],
      answer: null,
      lotIds: lots("DEFG"),
    });
  });

  it("records packing and unpacking per lot with the SSCC, and the unit as unpacked", async () => {
    const db = await indexedDatabase();
    for (const name of ["LogisticUnitPacked", "LogisticUnitUnpacked"]) {
      const rows = await rowsNamed(db, name);
      expect(rows.map((row) => [row.lotId, (row.args as { sscc: string }).sscc])).toEqual(
        lots("ABC")
          .sort()
          .map((lotId) => [lotId, PALLET]),
      );
    }
    expect(await db.logisticUnit.findUniqueOrThrow({ where: { sscc: PALLET } })).toMatchObject({
      packer: f.producer.address,
      contentsRoot: id("contents"),
      lotIds: lots("ABC"),
      unpackedBy: f.carrier.address,
      unpackPayloadHash: id("unpack"),
    });
  });

  it("leaves the same rows one event at a time (a whole answer finds its shipment in the database) and verifies", async () => {
    const oneBatch = await indexedDatabase();
    const eventByEvent = await indexedDatabase({ maxBatchEvents: 1 });
    expect(await compareReadModels(oneBatch, eventByEvent)).toEqual([]);
    const logistics = (db: Db) =>
      Promise.all([
        db.shipment.findMany({
          orderBy: { number: "asc" },
          omit: { createdAt: true, updatedAt: true },
        }),
        db.logisticUnit.findMany({ omit: { createdAt: true, updatedAt: true } }),
      ]);
    expect(await logistics(eventByEvent)).toEqual(await logistics(oneBatch));
    const report = await verifyLedger({ ...source, db: oneBatch });
    expect(report).toMatchObject({ missing: [], extra: [], changed: [], quarantined: [] });
  });
});
