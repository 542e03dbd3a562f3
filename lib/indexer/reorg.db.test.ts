import { id } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let fixture: LotTrackerFixture;
let source: IndexerSource;

async function indexUntilCaughtUp(options: Partial<IndexerSource> = {}): Promise<void> {
  while ((await indexNextBatch({ ...source, ...options })).blocks > 0);
}

async function lotCodesInDatabase(): Promise<string[]> {
  return (await db.lot.findMany({ orderBy: { lotCode: "asc" } })).map((lot) => lot.lotCode);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  fixture = await deployLotTrackerFixture(provider);
  source = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: fixture.address,
    startBlock: fixture.blockNumber,
    confirmations: 0,
  };
  await fixture.createLot(GTIN, "BASE", id("BASE"));
  await indexUntilCaughtUp();
});

afterAll(async () => {
  await database.drop();
});

describe("indexer on a reorganising chain", () => {
  it("replaces an abandoned branch with the new one (snapshot, mine, revert, mine another branch)", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    await fixture.createLot(GTIN, "OLD-BRANCH", id("old"));
    await indexUntilCaughtUp();
    expect(await lotCodesInDatabase()).toEqual(["BASE", "OLD-BRANCH"]);

    await provider.send("evm_revert", [snapshot]);
    await fixture.createLot(GTIN, "NEW-BRANCH", id("new"));
    await provider.send("anvil_mine", ["0x3"]); // the new branch is longer than the old one
    await indexUntilCaughtUp();

    expect(await lotCodesInDatabase()).toEqual(["BASE", "NEW-BRANCH"]);
    expect(await db.ledgerEvent.count({ where: { lotId: lotIdOf(GTIN, "OLD-BRANCH") } })).toBe(0);
    const report = await verifyLedger(source);
    expect(report).toMatchObject({ missing: [], extra: [], changed: [], payloads: [] });
  });

  it("rolls back when the chain lost blocks it had already served, once they stay lost past the grace", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    await fixture.createLot(GTIN, "LOST", id("lost"));
    await indexUntilCaughtUp();
    await provider.send("evm_revert", [snapshot]);

    // Head below the checkpoint: a lagging node looks the same, so nothing is thrown away yet.
    await indexUntilCaughtUp();
    expect(await lotCodesInDatabase()).toEqual(["BASE", "LOST", "NEW-BRANCH"]);
    await indexUntilCaughtUp({ lagGraceMs: 0 });
    expect(await lotCodesInDatabase()).toEqual(["BASE", "NEW-BRANCH"]);
    const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: CHAIN_ID },
    });
    expect(checkpoint.blockHash).toBe((await provider.getBlock(checkpoint.blockNumber))?.hash);
  });
});
