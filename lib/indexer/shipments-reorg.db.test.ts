import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

// A reorganisation that abandons a shipment, its whole answer or a pallet's packing takes them out of
// the read model again: per-lot rows, lot custody, Shipment and LogisticUnit rows.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const PALLET = 106141412345678908n;
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lots = (codes: string) => codes.split("").map((code) => lotIdOf(GTIN, code));

let database: TestDatabase;
let db: Db;
let f: LotTrackerFixture;
let source: IndexerSource;
const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);

async function indexUntilCaughtUp(): Promise<void> {
  while ((await indexNextBatch(source)).blocks > 0);
}

const custodyOf = async (codes: string) =>
  (await db.lot.findMany({ where: { id: { in: lots(codes) } }, orderBy: { lotCode: "asc" } })).map(
    (lot) =>
      `${lot.lotCode} ${lot.status} ${lot.custodian === f.carrier.address ? "carrier" : "producer"}`,
  );

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
  };
  for (const code of "ABC") await f.createLot(GTIN, code, id(code));
  await wait(f.lotTracker.handoffBatch(lots("AB"), f.carrier.address, id("ship 1")));
  await indexUntilCaughtUp();
});

afterAll(async () => {
  await database.drop();
});

describe("shipments and pallets on a reorganising chain", () => {
  it("puts a shipment answered whole on an abandoned branch back in transit", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    await wait(f.lotTracker.connect(f.carrier).acceptShipment(1, id("receive 1")));
    await indexUntilCaughtUp();
    expect(await custodyOf("AB")).toEqual(["A ACTIVE carrier", "B ACTIVE carrier"]);

    await provider.send("evm_revert", [snapshot]);
    await provider.send("anvil_mine", ["0x3"]);
    await indexUntilCaughtUp();
    expect(await custodyOf("AB")).toEqual(["A IN_TRANSIT producer", "B IN_TRANSIT producer"]);
    expect(await db.ledgerEvent.count({ where: { name: "LotHandoffAccepted" } })).toBe(0);
    expect(await db.shipment.findFirstOrThrow({ where: { number: 1 } })).toMatchObject({
      answer: null,
      lotIds: lots("AB"),
    });
  });

  it("removes a shipment and a pallet packed on an abandoned branch, and a pallet's unpacking", async () => {
    await wait(f.lotTracker.packUnit(PALLET, lots("C"), id("contents"), id("pack")));
    await indexUntilCaughtUp();
    const snapshot = await provider.send("evm_snapshot", []);
    await wait(f.lotTracker.unpackUnit(PALLET, lots("C"), id("unpack")));
    await wait(f.lotTracker.handoffBatch(lots("C"), f.carrier.address, id("ship 2")));
    await indexUntilCaughtUp();
    expect(await db.shipment.count()).toBe(2);
    expect(await custodyOf("C")).toEqual(["C IN_TRANSIT producer"]);

    await provider.send("evm_revert", [snapshot]);
    await provider.send("anvil_mine", ["0x4"]);
    await indexUntilCaughtUp();
    expect(await db.shipment.count()).toBe(1);
    expect(await custodyOf("C")).toEqual(["C ACTIVE producer"]);
    const unit = await db.logisticUnit.findUniqueOrThrow({ where: { sscc: String(PALLET) } });
    expect(unit).toMatchObject({ lotIds: lots("C"), unpackedBy: null, unpackedBlock: null });
    expect(await db.ledgerEvent.count({ where: { name: "LogisticUnitUnpacked" } })).toBe(0);

    const report = await verifyLedger(source);
    expect(report).toMatchObject({ missing: [], extra: [], changed: [], quarantined: [] });
  });
});
