import {
  AbiCoder,
  type EventFragment,
  hexlify,
  id,
  keccak256,
  toUtf8Bytes,
  ZeroHash,
  zeroPadBytes,
} from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { hashPayload } from "@/lib/chain/payload";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { lotEpcClass } from "@/lib/epcis/event";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { emitRawLogs, type RawLog } from "@/tools/testing/raw-log-emitter";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

// Issue 13, finding 3: one bad event used to stop the indexer for ever (the batch failed and was
// retried every 2 s), freezing the read model, recall banners included.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const lotTracker = LotTracker__factory.createInterface();

let database: TestDatabase;
let db: Db;
let fixture: LotTrackerFixture;
let source: IndexerSource;

async function indexUntilCaughtUp(): Promise<void> {
  while ((await indexNextBatch(source)).blocks > 0);
}

/** The lot id LotTracker computes for any 20 bytes, valid lot code or not. */
function rawLotId(lotCodeBytes: string): string {
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(["uint64", "bytes20"], [BigInt(GTIN), lotCodeBytes]),
  );
}

function logOf(
  name: "LotCreated" | "LotDerived" | "LotHandedOff" | "ShipmentAccepted",
  values: unknown[],
): RawLog {
  const { topics, data } = lotTracker.encodeEventLog(
    lotTracker.getEvent(name) as EventFragment,
    values,
  );
  return { topics, data };
}

function lotCreated(lotCodeBytes: string): RawLog {
  const custodian = fixture.producer.address;
  return logOf("LotCreated", [
    rawLotId(lotCodeBytes),
    custodian,
    BigInt(GTIN),
    lotCodeBytes,
    id("p"),
    ZeroHash,
  ]);
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
});

afterAll(async () => {
  await database.drop();
});

describe("the indexer and events it cannot apply", () => {
  it("quarantines bad events with their reason and keeps the read model current", async () => {
    await fixture.createLot(GTIN, "AB", id("AB"));
    await fixture.createLot(GTIN, "GOOD-1", id("GOOD-1"));
    const notUtf8 = zeroPadBytes("0xfffe41", 20);
    const nulInside = zeroPadBytes(toUtf8Bytes("AB\u0000CD"), 20);
    const orphanParent = keccak256(toUtf8Bytes("a lot nobody registered"));
    const child = zeroPadBytes(toUtf8Bytes("CHILD-X"), 20);
    const shortHandoff = logOf("LotHandedOff", [
      lotIdOf(GTIN, "GOOD-1"),
      fixture.producer.address,
      fixture.carrier.address,
      id("h"),
    ]);
    const [badUtf8Tx, nulTx, derivedTx, undecodableTx] = await emitRawLogs(
      provider,
      fixture.address,
      [
        lotCreated(notUtf8),
        lotCreated(nulInside),
        logOf("LotDerived", [
          lotIdOf(GTIN, "CHILD-X"),
          fixture.producer.address,
          2,
          BigInt(GTIN),
          child,
          id("d"),
          ZeroHash,
          [orphanParent],
        ]),
        { topics: shortHandoff.topics.slice(0, 3), data: "0x1234" },
      ],
    );
    // The ledger moves on after them: a new lot, and a recall whose banner must show.
    await fixture.createLot(GTIN, "GOOD-2", id("GOOD-2"));
    const recall = await fixture.lotTracker.recall(lotIdOf(GTIN, "GOOD-1"), id("listeria"));
    await receiptOf(provider, recall.hash);

    await indexUntilCaughtUp();

    const lots = await db.lot.findMany({ orderBy: { lotCode: "asc" } });
    expect(lots.map((lot) => [lot.lotCode, lot.status])).toEqual([
      ["AB", "ACTIVE"],
      ["GOOD-1", "RECALLED"],
      ["GOOD-2", "ACTIVE"],
    ]);
    const checkpoint = await db.indexerCheckpoint.findUniqueOrThrow({
      where: { chainId: CHAIN_ID },
    });
    expect(checkpoint.blockNumber).toBe(await provider.getBlockNumber());
    const quarantined = await db.quarantinedEvent.findMany({ orderBy: { blockNumber: "asc" } });
    expect(quarantined.map((event) => [event.txHash, event.name, event.reason])).toEqual([
      [
        badUtf8Tx,
        "LotCreated",
        `its lot code ${notUtf8} is not 1 to 20 printable ASCII characters followed only by zero bytes`,
      ],
      [
        nulTx,
        "LotCreated",
        `its lot code ${hexlify(nulInside)} is not 1 to 20 printable ASCII characters followed only by zero bytes`,
      ],
      [
        derivedTx,
        "LotDerived",
        `its parent lot ${orphanParent} is not in the read model (never indexed, or quarantined itself)`,
      ],
      [undecodableTx, "LotHandedOff", expect.stringMatching(/^its arguments do not decode \(/)],
    ]);

    const report = await verifyLedger(source);
    expect(report).toMatchObject({ missing: [], extra: [], changed: [], payloads: [] });
    expect(report.quarantined).toHaveLength(4);
    expect(report.quarantined[2]).toBe(
      `quarantined: LotDerived at ${derivedTx}#0 (block ${quarantined[2]?.blockNumber}) was not applied: its parent lot ${orphanParent} is not in the read model (never indexed, or quarantined itself)`,
    );
  });

  it("quarantines an event the database refuses that no screening foresaw, and applies the rest of the batch", async () => {
    // A payload in the database whose quantity is no number: PostgreSQL refuses the lot's row.
    const body = {
      cte: "initial_packing",
      bizStep: "commissioning",
      quantityList: [{ epcClass: lotEpcClass(GTIN, "ODD-QTY"), quantity: "a lot", uom: "KGM" }],
    };
    const payloadHash = hashPayload(body);
    await db.eventPayload.create({ data: { hash: payloadHash, body } });
    const oddTx = await fixture.createLot(GTIN, "ODD-QTY", payloadHash);
    await fixture.createLot(GTIN, "GOOD-3", id("GOOD-3"));

    await indexUntilCaughtUp();

    expect(await db.lot.findUnique({ where: { id: lotIdOf(GTIN, "GOOD-3") } })).not.toBeNull();
    expect(await db.lot.findUnique({ where: { id: lotIdOf(GTIN, "ODD-QTY") } })).toBeNull();
    const odd = await db.quarantinedEvent.findFirstOrThrow({ where: { txHash: oddTx } });
    expect(odd.reason).toMatch(
      /^the database refused it: invalid input syntax for type numeric.*\(SQLSTATE 22P02\)$/,
    );
    expect((await verifyLedger(source)).quarantined).toHaveLength(5);
  });

  it("quarantines a whole answer to a shipment the read model never saw: its lots are unknown", async () => {
    const before = await db.quarantinedEvent.count();
    const { producer, carrier } = fixture;
    const [answerTx] = await emitRawLogs(provider, fixture.address, [
      logOf("ShipmentAccepted", [99, carrier.address, producer.address, [], id("receive 99")]),
    ]);
    await indexUntilCaughtUp();

    const answer = await db.quarantinedEvent.findFirstOrThrow({ where: { txHash: answerTx } });
    expect(answer).toMatchObject({
      name: "ShipmentAccepted",
      lotId: null,
      reason:
        "it answers shipment 99 whole, but that shipment is not in the read model (never indexed, or quarantined itself), so the lots it moves are unknown",
    });
    expect(await db.quarantinedEvent.count()).toBe(before + 1);
    const report = await verifyLedger(source);
    expect(report).toMatchObject({ missing: [], extra: [], changed: [] });
    expect(report.quarantined).toHaveLength(before + 1);
  });

  it("forgets quarantined events of blocks a reorganisation abandoned", async () => {
    const before = await db.quarantinedEvent.count();
    const snapshot = await provider.send("evm_snapshot", []);
    await emitRawLogs(provider, fixture.address, [lotCreated(zeroPadBytes("0x00ff", 20))]);
    await indexUntilCaughtUp();
    expect(await db.quarantinedEvent.count()).toBe(before + 1);

    await provider.send("evm_revert", [snapshot]);
    await fixture.createLot(GTIN, "GOOD-4", id("GOOD-4"));
    await provider.send("anvil_mine", ["0x3"]);
    await indexUntilCaughtUp();
    expect(await db.quarantinedEvent.count()).toBe(before);
    expect(await verifyLedger(source)).toMatchObject({ missing: [], extra: [], changed: [] });
  });
});
