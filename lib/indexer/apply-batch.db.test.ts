import { id, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { applyLedgerEvent } from "@/tools/testing/apply-ledger-event";
import { lotPayload } from "@/tools/testing/lot-payload";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { compareReadModels } from "@/tools/testing/read-model";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type DecodedLog, decodeLogs } from "./decode";
import { getContractLogs } from "./get-logs";
import { type IndexerSource, indexNextBatch } from "./indexer";

// The indexer folds a batch's events into a few set-based writes; applyLedgerEvent applies one event
// at a time. Over a history with every kind of change, several to one lot inside one block, both
// must leave the same rows, whatever the batch boundaries, and again when a batch is replayed.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lot = (code: string) => lotIdOf(GTIN, code);
const newLot = (code: string) => ({
  gtin: BigInt(GTIN),
  lotCode: encodeLotCode(code),
  serialsRoot: id(code),
});
const payloadOf = (lotCode: string) => lotPayload(GTIN, lotCode, "12.5");

let f: LotTrackerFixture;
let source: Omit<IndexerSource, "db">;
const databases: TestDatabase[] = [];

/** An empty database holding the payloads of lots A and G, as the app would have stored them. */
async function emptyDatabase(): Promise<Db> {
  const database = await createTestDatabase();
  databases.push(database);
  for (const code of ["A", "G"]) {
    const body = payloadOf(code);
    await database.db.eventPayload.create({ data: { hash: hashPayload(body), body } });
  }
  return database.db;
}

async function indexAll(db: Db, options: Partial<IndexerSource> = {}): Promise<void> {
  while ((await indexNextBatch({ ...source, db, ...options })).blocks > 0);
}

/**
 * The reference, the indexer's writes before they were batched: the events through Prisma's
 * createMany, then every event through applyLedgerEvent, one after another.
 */
async function applyEventByEvent(db: Db): Promise<void> {
  const head = await provider.getBlockNumber();
  const logs = await getContractLogs(provider, f.address, f.blockNumber, head);
  const events = decodeLogs(LotTracker__factory.createInterface(), logs);
  const argOf = (event: DecodedLog, name: string) => {
    const value = event.args[name];
    return typeof value === "string" ? value : undefined;
  };
  await db.$transaction(
    async (tx) => {
      await tx.ledgerEvent.createMany({
        data: events.map((e) => ({
          chainId: CHAIN_ID,
          blockNumber: e.blockNumber,
          blockHash: e.blockHash,
          txHash: e.txHash,
          txIndex: e.txIndex,
          logIndex: e.logIndex,
          name: e.name,
          lotId: argOf(e, "lotId") ?? "",
          actor: argOf(e, "custodian") ?? argOf(e, "actor") ?? argOf(e, "account") ?? "",
          payloadHash: argOf(e, "payloadHash") ?? argOf(e, "reasonHash") ?? null,
          args: e.args,
        })),
      });
      for (const event of events) await applyLedgerEvent(tx, CHAIN_ID, event);
      // One event at a time is the slow oracle: on a busy machine it outlasts the default 5 s.
    },
    { timeout: 120_000 },
  );
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
  const asCarrier = f.lotTracker.connect(f.carrier);
  const asRetailer = f.lotTracker.connect(f.retailer);
  for (const code of ["A", "B", "C", "D", "E", "F"]) {
    await f.createLot(GTIN, code, code === "A" ? hashPayload(payloadOf(code)) : id(code));
  }
  await wait(f.lotTracker.handoff(lot("A"), f.carrier.address, id("ship A")));
  await wait(asCarrier.acceptHandoff(lot("A"), id("receive A")));
  await wait(f.lotTracker.handoff(lot("B"), f.carrier.address, id("ship B")));
  await wait(asCarrier.rejectHandoff(lot("B"), id("reject B")));
  await wait(f.lotTracker.split(lot("C"), [newLot("C1"), newLot("C2")], id("split C")));
  await wait(f.lotTracker.merge([lot("C1"), lot("D")], newLot("M"), id("merge")));
  await wait(f.lotTracker.transform([lot("M"), lot("E")], [newLot("T")], id("transform")));
  await wait(asRetailer.recall(lot("C2"), id("listeria")));
  await wait(asRetailer.liftRecall(lot("C2"), id("all clear")));
  // F is recalled in transit; lifting the recall resumes the handoff.
  await wait(f.lotTracker.handoff(lot("F"), f.carrier.address, id("ship F")));
  await wait(asRetailer.recall(lot("F"), id("label error")));
  await wait(asRetailer.liftRecall(lot("F"), id("relabelled")));
  await wait(f.lotTracker.recordEvent(lot("T"), id("cooling"), id("4 °C")));
  await wait(f.lotTracker.anchorReadings(lot("T"), id("readings"), 12));
  // G is created, handed off and recalled in one block: three changes to one lot in one batch.
  await provider.send("evm_setAutomine", [false]);
  try {
    const nonce = await f.producer.getNonce();
    const sent = [
      await f.lotTracker.createLot(
        BigInt(GTIN),
        encodeLotCode("G"),
        hashPayload(payloadOf("G")),
        ZeroHash,
        { nonce, gasLimit: 300_000 },
      ),
      await f.lotTracker.handoff(lot("G"), f.carrier.address, id("ship G"), {
        nonce: nonce + 1,
        gasLimit: 300_000,
      }),
      await f.lotTracker.recall(lot("G"), id("G recalled"), {
        nonce: nonce + 2,
        gasLimit: 300_000,
      }),
    ];
    await provider.send("evm_mine", []);
    await Promise.all(sent.map((tx) => receiptOf(provider, tx.hash)));
  } finally {
    await provider.send("evm_setAutomine", [true]);
  }
});

afterAll(async () => {
  for (const database of databases) await database.drop();
});

describe("applyLedgerEvents (one batch at a time) against applyLedgerEvent (one event at a time)", () => {
  it("leaves the same events, lots and lineage, in one batch or cut into many", async () => {
    const reference = await emptyDatabase();
    await applyEventByEvent(reference);
    const oneBatch = await emptyDatabase();
    await indexAll(oneBatch, { batchSize: 10_000 });
    const manyBatches = await emptyDatabase();
    await indexAll(manyBatches, { maxBatchEvents: 2 });

    const tables = ["LedgerEvent", "Lot", "LotLineage"] as const;
    expect(await compareReadModels(reference, oneBatch, [...tables])).toEqual([]);
    expect(await compareReadModels(oneBatch, manyBatches)).toEqual([]);
    const g = await oneBatch.lot.findUniqueOrThrow({ where: { id: lot("G") } });
    expect(g).toMatchObject({ status: "RECALLED", recipient: f.carrier.address, unit: "kg" });
    expect(await oneBatch.lot.findUniqueOrThrow({ where: { id: lot("F") } })).toMatchObject({
      status: "IN_TRANSIT",
      recallReasonHash: null,
    });
  });

  it("leaves the same rows when batches are replayed over what they already wrote", async () => {
    const reference = await emptyDatabase();
    await indexAll(reference);
    const replayed = await emptyDatabase();
    await indexAll(replayed);
    // As if the process died after writing batches whose checkpoint never committed.
    for (const blockNumber of [source.startBlock + 8, source.startBlock - 1]) {
      await replayed.indexerCheckpoint.update({
        where: { chainId: CHAIN_ID },
        data: { blockNumber, blockHash: (await provider.getBlock(blockNumber))?.hash ?? "" },
      });
      await indexAll(replayed, { batchSize: 10_000 });
      expect(await compareReadModels(reference, replayed)).toEqual([]);
    }
  });
});
