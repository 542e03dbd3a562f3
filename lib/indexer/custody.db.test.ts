import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { lotEpcClass } from "@/lib/epcis/event";
import { lotPayload } from "@/tools/testing/lot-payload";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { compareReadModels } from "@/tools/testing/read-model";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";

// A shipment taken back by its sender (LotHandoffCancelled), and part of a lot shipped in one
// transaction (LotTracker.handoffPart: LotConsumed, two LotDerived, LotHandedOff), in the read model:
// status, custody, lineage, and the quantities of both parts from the shipping payload.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lot = (code: string) => lotIdOf(GTIN, code);
const newLot = (code: string) => ({
  gtin: BigInt(GTIN),
  lotCode: encodeLotCode(code),
  serialsRoot: id(code),
});
const element = (code: string, quantity: number) => ({
  epcClass: lotEpcClass(GTIN, code),
  quantity,
  uom: "KGM",
});
/** The shipping payload of 60 of lot P's 200 kg, as lib/events/shipping.ts writes it. */
const partPayload = {
  ...lotPayload(GTIN, "P.P1", "60"),
  cte: "shipping",
  bizStep: "shipping",
  disposition: "in_transit",
  kde: { partOf: lotEpcClass(GTIN, "P"), remainderQuantityList: [element("P.P2", 140)] },
};

let f: LotTrackerFixture;
let source: Omit<IndexerSource, "db">;
const databases: TestDatabase[] = [];

async function indexedDatabase(options: Partial<IndexerSource> = {}): Promise<Db> {
  const database = await createTestDatabase();
  databases.push(database);
  const { db } = database;
  for (const body of [lotPayload(GTIN, "P", "200"), partPayload]) {
    await db.eventPayload.create({ data: { hash: hashPayload(body), body } });
  }
  while ((await indexNextBatch({ ...source, db, ...options })).blocks > 0);
  return db;
}

beforeAll(async () => {
  f = await deployLotTrackerFixture(provider);
  source = {
    provider,
    chainId: CHAIN_ID,
    contractAddress: f.address,
    startBlock: f.blockNumber,
    confirmations: 0,
  };
  const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);
  await f.createLot(GTIN, "K", id("K"));
  await f.createLot(GTIN, "P", hashPayload(lotPayload(GTIN, "P", "200")));
  // K: shipped to the carrier, then taken back before it answered.
  await wait(f.lotTracker.handoff(lot("K"), f.carrier.address, id("ship K")));
  await wait(f.lotTracker.cancelHandoff(lot("K"), id("wrong truck")));
  // P: 60 of its 200 kg shipped to the retailer as P.P1; P.P2 stays.
  await wait(
    f.lotTracker.handoffPart(
      lot("P"),
      newLot("P.P1"),
      newLot("P.P2"),
      f.retailer.address,
      hashPayload(partPayload),
    ),
  );
});

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("custody events in the read model", () => {
  it("makes a cancelled shipment active again with its sender, and no pending recipient", async () => {
    const db = await indexedDatabase();
    expect(await db.lot.findUniqueOrThrow({ where: { id: lot("K") } })).toMatchObject({
      status: "ACTIVE",
      custodian: f.producer.address,
      recipient: null,
    });
    const names = await db.ledgerEvent.findMany({
      where: { lotId: lot("K") },
      orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
      select: { name: true },
    });
    expect(names.map((e) => e.name)).toEqual(["LotCreated", "LotHandedOff", "LotHandoffCancelled"]);
  });

  it("records a part shipped in one transaction: the lot used up, the part on its way, the rest held", async () => {
    const db = await indexedDatabase();
    const byCode = Object.fromEntries(
      (await db.lot.findMany({ where: { lotCode: { startsWith: "P" } } })).map((l) => [
        l.lotCode,
        l,
      ]),
    );
    expect(byCode.P).toMatchObject({ status: "CONSUMED", recipient: null });
    expect(byCode["P.P1"]).toMatchObject({
      status: "IN_TRANSIT",
      custodian: f.producer.address,
      recipient: f.retailer.address,
      unit: "kg",
    });
    expect(byCode["P.P1"]?.quantity?.toString()).toBe("60");
    expect(byCode["P.P2"]).toMatchObject({ status: "ACTIVE", recipient: null, unit: "kg" });
    expect(byCode["P.P2"]?.quantity?.toString()).toBe("140");
    const lineage = await db.lotLineage.findMany({
      where: { parentId: lot("P") },
      orderBy: { childId: "asc" },
      select: { childId: true, kind: true },
    });
    expect(lineage).toEqual(
      [lot("P.P1"), lot("P.P2")].sort().map((childId) => ({ childId, kind: "SPLIT" })),
    );
  });

  it("leaves the same rows in one batch, one block at a time, and replayed", async () => {
    const oneBatch = await indexedDatabase({ batchSize: 10_000 });
    const eventByEvent = await indexedDatabase({ maxBatchEvents: 1 });
    expect(await compareReadModels(oneBatch, eventByEvent)).toEqual([]);
    // As if the process died after writing batches whose checkpoint never committed.
    await eventByEvent.indexerCheckpoint.update({
      where: { chainId: CHAIN_ID },
      data: {
        blockNumber: f.blockNumber,
        blockHash: (await provider.getBlock(f.blockNumber))?.hash ?? "",
      },
    });
    while ((await indexNextBatch({ ...source, db: eventByEvent })).blocks > 0);
    expect(await compareReadModels(oneBatch, eventByEvent)).toEqual([]);
  });
});
