import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { ANY_LOT, ChangeFeed, listenForChanges } from "./change-feed";

let database: TestDatabase;
let db: Db;
const feed = new ChangeFeed();
let listener: { stop(): Promise<void> };

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * The epoch before `write`; resolves once the feed has heard that `key` changed. Every write in
 * these tests waits so, so no late notification of an earlier write is taken for a later one's.
 */
async function afterWrite(write: () => Promise<unknown>, key: string): Promise<number> {
  const epoch = feed.startRead() as number;
  await write();
  await until(() => !feed.isCurrent(key, epoch), `the feed hears that ${key} changed`);
  return epoch;
}

const lotRow = (id: string) => ({
  id,
  chainId: 31337,
  gtin: "09506000134352",
  lotCode: id,
  custodian: "0xC",
  producer: "0xP",
  createdTxHash: `0x${id}`,
  createdBlock: 1,
});
const eventRow = (lotId: string, payloadHash: string, logIndex: number) => ({
  chainId: 31337,
  blockNumber: 1,
  blockHash: "0xb",
  txHash: `0x${lotId}`,
  txIndex: 0,
  logIndex,
  name: "LotCreated",
  lotId,
  actor: "0xP",
  payloadHash,
  args: {},
});

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  listener = listenForChanges(database.databaseUrl, feed);
  await until(() => feed.startRead() !== null, "the feed listens");
});

afterAll(async () => {
  await listener.stop();
  await database.drop();
});

describe("the provenance change feed (database triggers → LISTEN)", () => {
  it("names the lot whose row, ledger events or packages were written", async () => {
    await afterWrite(() => db.lot.create({ data: lotRow("lot-a") }), "lot-a");
    let epoch = await afterWrite(
      () => db.package.create({ data: { lotId: "lot-b", serial: "S1", ledgerTransactionId: "t" } }),
      "lot-b",
    );
    expect(feed.isCurrent("lot-a", epoch)).toBe(true);
    expect(feed.isCurrent("lot-b", epoch)).toBe(false);
    expect(feed.isCurrent(ANY_LOT, epoch)).toBe(false);
    epoch = await afterWrite(
      () => db.ledgerEvent.create({ data: eventRow("lot-c", "0xh1", 0) }),
      "lot-c",
    );
    expect(feed.isCurrent("lot-a", epoch)).toBe(true);
  });

  it("names the lots whose events carry a rewritten payload", async () => {
    await db.eventPayload.create({ data: { hash: "0xh2", body: { quantity: "1" } } });
    await afterWrite(() => db.ledgerEvent.create({ data: eventRow("lot-d", "0xh2", 1) }), "lot-d");
    const epoch = await afterWrite(
      () => db.eventPayload.update({ where: { hash: "0xh2" }, data: { body: { quantity: "9" } } }),
      "lot-d",
    );
    expect(feed.isCurrent("lot-c", epoch)).toBe(true);
  });

  it("says everything changed when organisations or products change, or a statement touches over 100 lots", async () => {
    const organization = {
      name: "Org",
      kind: "FARM" as const,
      gln: "0000000000001",
      chainAddress: "0xO",
      encryptedKey: "k",
    };
    // "lot-z" is never written: only "everything changed" puts it out of date.
    const { id: organizationId } = await afterWrite(
      () => db.organization.create({ data: organization }),
      "lot-z",
    ).then(() => db.organization.findUniqueOrThrow({ where: { gln: organization.gln } }));
    // A product names every page of its lots (and of lots made from them).
    const product = { organizationId, gtin: "09506000134352", name: "Romaine" };
    await afterWrite(() => db.product.create({ data: product }), "lot-z");
    await afterWrite(
      () => db.product.update({ where: { gtin: product.gtin }, data: { name: "Romaine hearts" } }),
      "lot-z",
    );
    const lots = Array.from({ length: 101 }, (_, i) => lotRow(`bulk-${i}`));
    await afterWrite(() => db.lot.createMany({ data: lots }), "lot-z");
  });

  it("caches nothing while its connection is lost, and listens again after reconnecting", async () => {
    const admin = new pg.Client({ connectionString: database.databaseUrl });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()",
    );
    await admin.end();
    await until(() => feed.startRead() === null, "the feed notices the lost connection");
    await until(() => feed.startRead() !== null, "the feed listens again");
    const epoch = await afterWrite(
      () => db.lot.update({ where: { id: "lot-a" }, data: { status: "IN_TRANSIT" } }),
      "lot-a",
    );
    expect(feed.isCurrent("lot-b", epoch)).toBe(true);
  });

  it("says everything changed when a lot is recalled or its recall lifted: lots made from it show the banner", async () => {
    await afterWrite(
      () => db.lot.update({ where: { id: "lot-a" }, data: { status: "RECALLED" } }),
      "lot-z",
    );
    await afterWrite(
      () => db.lot.update({ where: { id: "lot-a" }, data: { status: "ACTIVE" } }),
      "lot-z",
    );
    // Any other change of a lot still names that lot alone.
    const epoch = await afterWrite(
      () => db.lot.update({ where: { id: "lot-a" }, data: { custodian: "0xD" } }),
      "lot-a",
    );
    expect(feed.isCurrent("lot-b", epoch)).toBe(true);
  });

  it("names the lot whose temperature readings were written, changed or deleted", async () => {
    const reading = {
      lotId: "lot-t",
      ledgerTransactionId: "t",
      takenAt: new Date(),
      celsius: 3.5,
      recordedById: "u",
    };
    await afterWrite(() => db.temperatureReading.create({ data: reading }), "lot-t");
    const epoch = await afterWrite(
      () => db.temperatureReading.updateMany({ where: { lotId: "lot-t" }, data: { celsius: 9 } }),
      "lot-t",
    );
    expect(feed.isCurrent("lot-a", epoch)).toBe(true);
    await afterWrite(
      () => db.temperatureReading.deleteMany({ where: { lotId: "lot-t" } }),
      "lot-t",
    );
  });
});
