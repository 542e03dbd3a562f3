import { id, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lot = (code: string) => lotIdOf(GTIN, code);
const newLot = (code: string) => ({
  gtin: BigInt(GTIN),
  lotCode: encodeLotCode(code),
  serialsRoot: ZeroHash,
});

let database: TestDatabase;
let db: Db;
let f: LotTrackerFixture;
let source: IndexerSource;

async function indexUntilCaughtUp(): Promise<void> {
  while ((await indexNextBatch(source)).blocks > 0);
}

/** The whole read model, in a form two databases can be compared by. */
async function readModel() {
  const lots = await db.lot.findMany({
    orderBy: { lotCode: "asc" },
    select: {
      lotCode: true,
      status: true,
      custodian: true,
      recipient: true,
      producer: true,
      recallReasonHash: true,
    },
  });
  const lineage = await db.lotLineage.findMany({
    orderBy: [{ parentId: "asc" }, { childId: "asc" }],
    select: { parentId: true, childId: true, kind: true },
  });
  return { lots, lineage };
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await deployLotTrackerFixture(provider);
  source = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: f.address,
    startBlock: f.blockNumber,
    confirmations: 0,
    batchSize: 3,
  };
  const asCarrier = f.lotTracker.connect(f.carrier);
  const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);

  for (const code of ["A", "B", "C", "D", "E"]) await f.createLot(GTIN, code, id(code));
  // A: handed to the carrier, who accepts. B: handed off and rejected. C: split into C1, C2.
  await wait(f.lotTracker.handoff(lot("A"), f.carrier.address, id("ship A")));
  await wait(asCarrier.acceptHandoff(lot("A"), id("receive A")));
  await wait(f.lotTracker.handoff(lot("B"), f.carrier.address, id("ship B")));
  await wait(asCarrier.rejectHandoff(lot("B"), id("reject B")));
  await wait(f.lotTracker.split(lot("C"), [newLot("C1"), newLot("C2")], id("split C")));
  // C1 + D merge into M; M and E are transformed into T; the retailer recalls C2.
  await wait(f.lotTracker.merge([lot("C1"), lot("D")], newLot("M"), id("merge")));
  await wait(f.lotTracker.transform([lot("M"), lot("E")], [newLot("T")], id("transform")));
  await wait(f.lotTracker.connect(f.retailer).recall(lot("C2"), id("listeria")));
  await wait(f.lotTracker.recordEvent(lot("T"), id("cooling"), id("4 °C")));
  await indexUntilCaughtUp();
});

afterAll(async () => {
  await database.drop();
});

describe("read model rebuilt from LotTracker's events alone", () => {
  it("tracks custody, status, lineage and recall", async () => {
    const { lots, lineage } = await readModel();
    const byCode = Object.fromEntries(lots.map((l) => [l.lotCode, l]));
    expect(byCode.A).toMatchObject({
      status: "ACTIVE",
      custodian: f.carrier.address,
      recipient: null,
    });
    expect(byCode.B).toMatchObject({
      status: "ACTIVE",
      custodian: f.producer.address,
      recipient: null,
    });
    expect(byCode.C).toMatchObject({ status: "CONSUMED" });
    expect(byCode.C2).toMatchObject({
      status: "RECALLED",
      recallReasonHash: id("listeria"),
      producer: f.producer.address,
    });
    expect(byCode.T).toMatchObject({ status: "ACTIVE", custodian: f.producer.address });
    // Inputs of a split, merge or transformation are consumed by it.
    for (const code of ["C1", "D", "M", "E"]) expect(byCode[code]?.status).toBe("CONSUMED");
    expect(lineage).toEqual(
      [
        { parentId: lot("C"), childId: lot("C1"), kind: "SPLIT" },
        { parentId: lot("C"), childId: lot("C2"), kind: "SPLIT" },
        { parentId: lot("C1"), childId: lot("M"), kind: "MERGE" },
        { parentId: lot("D"), childId: lot("M"), kind: "MERGE" },
        { parentId: lot("M"), childId: lot("T"), kind: "TRANSFORM" },
        { parentId: lot("E"), childId: lot("T"), kind: "TRANSFORM" },
      ].sort((a, b) => a.parentId.localeCompare(b.parentId) || a.childId.localeCompare(b.childId)),
    );
  });

  it("rebuilds the same read model into an empty database from the chain alone", async () => {
    const before = await readModel();
    const empty = await createTestDatabase();
    try {
      const rebuilt = { ...source, db: empty.db };
      while ((await indexNextBatch(rebuilt)).blocks > 0);
      db = empty.db;
      expect(await readModel()).toEqual(before);
    } finally {
      db = database.db;
      await empty.drop();
    }
  });
});
