import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { lotPayload } from "@/tools/testing/lot-payload";
import { deployLotTrackerFixture } from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let source: IndexerSource;
const LOT_CODES = ["VER-1", "VER-2"];
const bodies = LOT_CODES.map((lotCode) => lotPayload(GTIN, lotCode, "5"));
const txHashes: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const fixture = await deployLotTrackerFixture(provider);
  for (const [i, body] of bodies.entries()) {
    const hash = hashPayload(body);
    await db.eventPayload.create({ data: { hash, body } });
    txHashes.push(await fixture.createLot(GTIN, LOT_CODES[i] as string, hash));
  }
  source = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: fixture.address,
    startBlock: fixture.blockNumber,
    confirmations: 0,
  };
  while ((await indexNextBatch(source)).blocks > 0);
});

afterAll(async () => {
  await database.drop();
});

const verify = () => verifyLedger(source);

describe("verifyLedger", () => {
  it("finds no difference between a faithfully indexed database and the chain", async () => {
    const report = await verify();
    expect(report).toMatchObject({ missing: [], extra: [], changed: [], payloads: [] });
    // Five role grants (admin, prefix admin, producer, carrier, retailer), the producer's two GS1
    // company prefixes, two lots.
    expect(report.checkedEvents).toBe(9);
  });

  it("names a payload that was changed in the database", async () => {
    const [body] = bodies as [(typeof bodies)[number]];
    const hash = hashPayload(body);
    await db.eventPayload.update({ where: { hash }, data: { body: { ...body, quantity: "500" } } });
    try {
      expect((await verify()).payloads).toEqual([
        `payload: ${hash} no longer hashes to its on-chain value (it was changed in the database)`,
      ]);
    } finally {
      await db.eventPayload.update({ where: { hash }, data: { body } });
    }
  });

  it("reports events missing from, added to, or changed in the database", async () => {
    const [first, second] = await db.ledgerEvent.findMany({
      where: { name: "LotCreated" },
      orderBy: { blockNumber: "asc" },
    });
    if (!first || !second) throw new Error("expected two indexed lots");
    await db.ledgerEvent.delete({ where: { id: first.id } });
    await db.ledgerEvent.update({
      where: { id: second.id },
      data: { args: { ...(second.args as object), lotCode: "0x00" } },
    });
    const { id: _id, ...forged } = second;
    await db.ledgerEvent.create({
      data: { ...forged, args: second.args as object, txHash: `0x${"ab".repeat(32)}` },
    });

    const report = await verify();
    expect(report.missing).toEqual([
      `missing: LotCreated at ${first.txHash}#${first.logIndex} is on the chain but not in the database`,
    ]);
    expect(report.changed).toEqual([
      `changed: LotCreated at ${second.txHash}#${second.logIndex} differs from the chain`,
    ]);
    expect(report.extra).toEqual([
      `extra: LotCreated at 0x${"ab".repeat(32)}#${second.logIndex} is in the database but not on the chain`,
    ]);
  });
});
