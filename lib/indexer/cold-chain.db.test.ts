import { id, Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import {
  type ReadingBatch,
  readingBatchDomain,
  readingBatchStruct,
  signReadingBatch,
} from "@/lib/chain/reading-batch";
import type { Db } from "@/lib/db/client";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type IndexerSource, indexNextBatch } from "./indexer";
import { verifyLedger } from "./verify";

// Holds, releases, devices, rules and anchored batches from LotTracker's cold-chain events: the
// held state must come back from the chain's logs alone, and go when a reorganisation drops it.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const device = Wallet.createRandom();
const HOUR = 1_764_745_200;

let database: TestDatabase;
let db: Db;
let f: LotTrackerFixture;
let source: IndexerSource;
let sequence = 0;

const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);

async function indexUntilCaughtUp(into: IndexerSource = source): Promise<void> {
  while ((await indexNextBatch(into)).blocks > 0);
}

/** Anchors a device batch of lot `code` with these extremes and minutes outside 2–8 °C. */
async function anchor(code: string, maxMilliCelsius: number, minutesOutsideRange: number) {
  sequence += 1;
  const batch: ReadingBatch = {
    gtin: GTIN,
    lotCode: code,
    readingsRoot: id(`root ${sequence}`),
    readingCount: 60,
    sequence,
    firstReadingAt: HOUR + sequence * 3600,
    lastReadingAt: HOUR + sequence * 3600 + 3540,
    minMilliCelsius: 3000,
    maxMilliCelsius,
    minutesOutsideRange,
  };
  const signature = await signReadingBatch(device, readingBatchDomain(CHAIN_ID, f.address), batch);
  await wait(f.lotTracker.anchorDeviceReadings(readingBatchStruct(batch), signature));
  return batch;
}

async function holdState(of: Db = db) {
  const lots = await of.lot.findMany({
    orderBy: { lotCode: "asc" },
    select: { lotCode: true, isOnHold: true },
  });
  const holds = await of.lotHold.findMany({
    orderBy: [{ heldBlock: "asc" }, { heldLogIndex: "asc" }],
    omit: { id: true, createdAt: true, updatedAt: true },
  });
  return { lots, holds: holds.map((hold) => ({ ...hold, releasedAt: hold.releasedAt !== null })) };
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
  };
  // A device LotLedger knows (PENDING until the chain has it) and the GTIN's rule: 2–8 °C, 30 min.
  const producer = await db.organization.create({
    data: {
      name: "Green Farm",
      kind: "FARM",
      gln: "9506000000019",
      chainAddress: f.producer.address,
      encryptedKey: "x",
    },
  });
  await db.device.create({
    data: {
      chainId: CHAIN_ID,
      address: device.address.toLowerCase(),
      organizationId: producer.id,
      name: "Cold room logger",
    },
  });
  await wait(f.lotTracker.registerDevice(device.address));
  await wait(f.lotTracker.setStorageRule(BigInt(GTIN), 2000, 8000, 30));
  for (const code of ["KEPT", "WARM"]) await f.createLot(GTIN, code, id(code));
  await anchor("KEPT", 7000, 0);
  await anchor("WARM", 11_500, 45); // 45 min > 30 allowed: held in the same transaction
  await wait(f.lotTracker.releaseHold(lotIdOf(GTIN, "WARM"), id("checked, fit for sale")));
  await anchor("WARM", 12_000, 40); // held again
  await indexUntilCaughtUp();
});

afterAll(async () => {
  await database.drop();
});

describe("indexer: the cold chain's events", () => {
  it("holds and releases lots, activates the device and records the rule", async () => {
    const { lots, holds } = await holdState();
    expect(lots).toEqual([
      { lotCode: "KEPT", isOnHold: false },
      { lotCode: "WARM", isOnHold: true },
    ]);
    expect(holds).toHaveLength(2);
    expect(holds[0]).toMatchObject({
      lotId: lotIdOf(GTIN, "WARM"),
      deviceAddress: device.address.toLowerCase(),
      maxMilliCelsius: 11_500,
      excursionMinutes: 45,
      heldAt: new Date((HOUR + 2 * 3600 + 3540) * 1000),
      releasedBy: f.producer.address,
      releaseReasonHash: id("checked, fit for sale"),
      releasedAt: true,
    });
    expect(holds[1]).toMatchObject({ excursionMinutes: 40, releasedBy: null, releasedAt: false });
    expect(await db.device.findFirst({ select: { status: true, registeredTxHash: true } })).toEqual(
      {
        status: "ACTIVE",
        registeredTxHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      },
    );
    expect(
      await db.storageRule.findFirst({
        select: {
          gtin: true,
          minMilliCelsius: true,
          maxMilliCelsius: true,
          allowedExcursionMinutes: true,
        },
      }),
    ).toEqual({
      gtin: GTIN,
      minMilliCelsius: 2000,
      maxMilliCelsius: 8000,
      allowedExcursionMinutes: 30,
    });
    const trail = await db.ledgerEvent.findMany({
      where: { lotId: lotIdOf(GTIN, "WARM") },
      orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
      select: { name: true },
    });
    expect(trail.map((event) => event.name)).toEqual([
      "LotCreated",
      "DeviceReadingsAnchored",
      "LotHeld",
      "LotReleased",
      "DeviceReadingsAnchored",
      "LotHeld",
    ]);
    // Struct arguments (the anchored ReadingBatch) read back from jsonb as the chain has them.
    expect(await verifyLedger(source)).toMatchObject({ missing: [], extra: [], changed: [] });
  });

  it("rebuilds the same held state into an empty database from the chain's logs alone", async () => {
    const before = await holdState();
    const empty = await createTestDatabase();
    try {
      await indexUntilCaughtUp({ ...source, db: empty.db });
      expect(await holdState(empty.db)).toEqual(before);
      // No organisation knows the device there: the hold still names it by its address.
      expect(await empty.db.device.count()).toBe(0);
    } finally {
      await empty.drop();
    }
  });

  it("drops a hold and a release that a reorganisation abandoned", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    await wait(f.lotTracker.releaseHold(lotIdOf(GTIN, "WARM"), id("abandoned release")));
    await anchor("KEPT", 13_000, 50);
    await indexUntilCaughtUp();
    expect((await holdState()).lots).toEqual([
      { lotCode: "KEPT", isOnHold: true },
      { lotCode: "WARM", isOnHold: false },
    ]);

    await provider.send("evm_revert", [snapshot]);
    sequence -= 1;
    await provider.send("anvil_mine", ["0x4"]);
    await indexUntilCaughtUp();
    const { lots, holds } = await holdState();
    expect(lots).toEqual([
      { lotCode: "KEPT", isOnHold: false },
      { lotCode: "WARM", isOnHold: true },
    ]);
    expect(holds.map((hold) => [hold.excursionMinutes, hold.releasedBy])).toEqual([
      [45, f.producer.address],
      [40, null],
    ]);
  });
});
