import { id, type JsonRpcSigner, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { LotTracker } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { lotPayload } from "@/tools/testing/lot-payload";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let producer: JsonRpcSigner;
let lotTracker: LotTracker;
let fixture: LotTrackerFixture;
let source: IndexerSource;

async function indexUntilCaughtUp(): Promise<number> {
  let events = 0;
  for (;;) {
    const batch = await indexNextBatch(source);
    events += batch.events;
    if (batch.blocks === 0) return events;
  }
}

function createLot(lotCode: string, payloadHash = id(lotCode)) {
  return fixture.createLot(GTIN, lotCode, payloadHash);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  fixture = await deployLotTrackerFixture(provider);
  ({ producer, lotTracker } = fixture);
  const deployment = fixture;
  // Small batches, so the tests cross batch boundaries.
  source = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    startBlock: deployment.blockNumber,
    confirmations: 0,
    batchSize: 2,
  };
});

afterAll(async () => {
  await database.drop();
});

describe("indexer", () => {
  it("records each LotCreated log once, the lot it creates, and a checkpoint at the head", async () => {
    const body = lotPayload(GTIN, "IDX-1", "12.5");
    const payloadHash = hashPayload(body);
    await db.eventPayload.create({ data: { hash: payloadHash, body } });
    const txHash = await createLot("IDX-1", payloadHash);
    await createLot("IDX-2");

    await indexUntilCaughtUp();
    expect(await db.ledgerEvent.count({ where: { name: "LotCreated" } })).toBe(2);

    const lot = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, "IDX-1") } });
    expect(lot).toMatchObject({
      gtin: GTIN,
      lotCode: "IDX-1",
      unit: "kg",
      status: "ACTIVE",
      custodian: producer.address,
      createdTxHash: txHash,
    });
    expect(lot.quantity?.toString()).toBe("12.5");
    // A lot whose payload is not in the database is still indexed, without the off-chain fields.
    expect(await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, "IDX-2") } })).toMatchObject(
      { quantity: null, unit: null },
    );

    const head = await provider.getBlock("latest");
    expect(
      await db.indexerCheckpoint.findUniqueOrThrow({ where: { chainId: CHAIN_ID } }),
    ).toMatchObject({
      blockNumber: head?.number,
      blockHash: head?.hash,
    });
  });

  it("is idempotent: replaying blocks after a crash before the checkpoint duplicates nothing", async () => {
    await createLot("IDX-3");
    await indexUntilCaughtUp();
    const before = { events: await db.ledgerEvent.count(), lots: await db.lot.count() };

    // As if the process died after writing a batch but the checkpoint stayed behind.
    await db.indexerCheckpoint.update({
      where: { chainId: CHAIN_ID },
      data: { blockNumber: source.startBlock },
    });
    await indexUntilCaughtUp();

    expect({ events: await db.ledgerEvent.count(), lots: await db.lot.count() }).toEqual(before);
  });

  it("keeps chain order (block, tx index, log index) across several lots in one block", async () => {
    await provider.send("evm_setAutomine", [false]);
    try {
      const nonce = await producer.getNonce();
      const sent = await Promise.all(
        ["IDX-4", "IDX-5", "IDX-6"].map((lotCode, i) =>
          lotTracker.createLot(BigInt(GTIN), encodeLotCode(lotCode), ZeroHash, ZeroHash, {
            nonce: nonce + i,
          }),
        ),
      );
      await provider.send("evm_mine", []);
      await Promise.all(sent.map((tx) => receiptOf(provider, tx.hash)));
    } finally {
      await provider.send("evm_setAutomine", [true]);
    }
    await indexUntilCaughtUp();
    const events = await db.ledgerEvent.findMany({
      where: { lotId: { in: ["IDX-4", "IDX-5", "IDX-6"].map((code) => lotIdOf(GTIN, code)) } },
      orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
    });
    expect(events.map((e) => e.txIndex)).toEqual([0, 1, 2]);
    expect(new Set(events.map((e) => e.blockNumber)).size).toBe(1);
    expect(events.map((e) => (e.args as { lotCode: string }).lotCode)).toEqual(
      ["IDX-4", "IDX-5", "IDX-6"].map((code) => encodeLotCode(code)),
    );
  });
});
