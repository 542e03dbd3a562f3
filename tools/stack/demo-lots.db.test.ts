import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { indexNextBatch } from "@/lib/indexer/indexer";
import { createSignerLookup } from "@/lib/organizations";
import { answerDigitalLink, ChangeFeed, ProvenanceReadModel } from "@/lib/provenance";
import { getFsmaSpreadsheet } from "@/lib/trace";
import { deployLotTracker } from "@/tools/chain/deploy";
import { TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { dayBefore } from "./demo-forms";
import { type DemoLotsOutcome, seedDemoLots } from "./demo-lots";
import { DEMO_BILL_OF_LADING } from "./demo-story";
import { fundFrom, seedDemoData } from "./seed";

// The demo story on the real parts, as `npm start` tells it: the demo organisations seeded, the outbox
// sender and the indexer running as loops beside the seed, which waits for each write to be indexed.

const CHAIN_ID = 31337;
const APP_URL = "http://localhost:3000";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const running = new AbortController();
const lines: string[] = [];
let database: TestDatabase;
let first: DemoLotsOutcome;

const seed = () =>
  seedDemoLots({ db: database.db, chainId: CHAIN_ID, appUrl: APP_URL, log: (l) => lines.push(l) });

const counts = async () => {
  const { db } = database;
  return Promise.all([
    db.lot.count(),
    db.ledgerTransaction.count(),
    db.package.count(),
    db.temperatureReading.count(),
  ]);
};

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  await seedDemoData({
    db,
    masterKey: TEST_MASTER_KEY,
    lotTracker: LotTracker__factory.connect(deployment.address, admin),
    fundEach: fundFrom(admin),
  });
  const chain = { db, provider, chainId: CHAIN_ID, contractAddress: deployment.address };
  const quiet = { signal: running.signal, pollMs: 50, log: () => {} };
  const sender = {
    ...chain,
    signerOf: createSignerLookup({ db, masterKey: TEST_MASTER_KEY }),
    log: () => {},
  };
  void runPollLoop("sender", async () => (await processOutbox(sender)) > 0, quiet);
  const source = { ...chain, startBlock: deployment.blockNumber, confirmations: 0 };
  void runPollLoop("indexer", async () => (await indexNextBatch(source)).blocks > 0, quiet);
  first = await seed();
}, 120_000);

afterAll(async () => {
  running.abort();
  await database?.drop();
});

describe("the demo lots of a fresh ledger", () => {
  it("tells the whole story through the ledger: every write confirmed and indexed", async () => {
    const { db } = database;
    expect(first.status).toBe("seeded");
    const holders = new Map(
      (await db.organization.findMany()).map((o) => [o.chainAddress, o.name] as const),
    );
    const lots = await db.lot.findMany({ orderBy: { lotCode: "asc" } });
    const told = await Promise.all(
      lots.map(async (lot) => [
        lot.lotCode,
        lot.status,
        holders.get(lot.custodian),
        await db.package.count({ where: { lotId: lot.id } }),
      ]),
    );
    expect(told).toEqual([
      ["RH-2611-A", "ACTIVE", "FreshMart Supermarkets", 6],
      ["RM-2611-A", "CONSUMED", "Green Valley Farm", 0],
      ["RM-2611-B", "CONSUMED", "Green Valley Farm", 0],
      ["RM-2611-B1", "ACTIVE", "FreshMart Supermarkets", 2],
      ["RM-2611-B2", "ACTIVE", "Green Valley Farm", 1],
    ]);
    const writes = await db.ledgerTransaction.findMany({
      select: { status: true, txHash: true, method: true },
    });
    // The story's 11 writes, and the storage rules of the two demo products the seed put first.
    expect(writes.filter((write) => write.method === "setStorageRule")).toHaveLength(2);
    expect(writes).toHaveLength(13);
    expect(writes.every((write) => write.status === "CONFIRMED")).toBe(true);
    const indexed = await db.ledgerEvent.findMany({ select: { txHash: true } });
    const indexedTx = new Set(indexed.map((event) => event.txHash));
    expect(writes.filter((write) => !indexedTx.has(write.txHash ?? ""))).toEqual([]);
    expect(lines).toContain("harvest RM-2611-A recorded (500 kg romaine, Green Valley Farm)");
  });

  it("prints a package's provenance page, which shows the harvest and the verified cold chain", async () => {
    if (first.status !== "seeded") throw new Error("The demo lots were not seeded.");
    const url = new URL(first.provenanceUrl);
    expect(url.origin).toBe(APP_URL);
    const [, serial] = url.pathname.match(/^\/01\/09506000134369\/10\/RH-2611-A\/21\/(\w+)$/) ?? [];
    const packed = await database.db.lot.findFirstOrThrow({ where: { lotCode: "RH-2611-A" } });
    expect(await database.db.package.count({ where: { serial, lotId: packed.id } })).toBe(1);
    const answer = await answerDigitalLink({
      readModel: new ProvenanceReadModel(database.db, new ChangeFeed()),
      appUrl: APP_URL,
      pathAndQuery: url.pathname,
      accept: "text/html",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Harvested by Green Valley Farm");
    expect(answer.body).toContain("Cold chain");
    expect(answer.body).toContain("48 readings");
    expect(answer.body).toContain("✓ verified on the ledger");
  });

  it("exports the packed lot as FSMA 204 records: FreshMart is the farm's recipient, ColdRoute the transporter", async () => {
    const packed = await database.db.lot.findFirstOrThrow({ where: { lotCode: "RH-2611-A" } });
    const sheet = await getFsmaSpreadsheet({ db: database.db, lotId: packed.id, appUrl: APP_URL });
    const rows = sheet?.rows ?? [];
    const farm =
      "Green Valley Farm — Field 7, 1200 River Rd, Salinas, CA 93901, US, phone +1 831 555 0142";
    const store =
      "FreshMart Supermarkets — FreshMart Store 112, 300 Market St, San Jose, CA 95113, US, phone +1 408 555 0190";
    const carrier =
      "ColdRoute Logistics — ColdRoute Depot, 8 Freight Ave, Gilroy, CA 95020, US, phone +1 408 555 0133";
    expect(
      rows.map((row) => [row.tlc, row.lotCode, row.cte, row.recordedBy, row.verified]),
    ).toEqual([
      ["", "RM-2611-A", "Harvesting", "Green Valley Farm", "yes"],
      ["RH-2611-A", "RH-2611-A", "Initial packing", "Green Valley Farm", "yes"],
      ["RH-2611-A", "RH-2611-A", "Shipping", "Green Valley Farm", "yes"],
      [
        "RH-2611-A",
        "RH-2611-A",
        "Transport: pickup by the carrier (not a CTE)",
        "ColdRoute Logistics",
        "yes",
      ],
      [
        "RH-2611-A",
        "RH-2611-A",
        "Transport: delivery by the carrier (not a CTE)",
        "ColdRoute Logistics",
        "yes",
      ],
      ["RH-2611-A", "RH-2611-A", "Receiving", "FreshMart Supermarkets", "yes"],
    ]);
    const [harvest, packing, shipping, , , receiving] = rows;
    expect(harvest).toMatchObject({ location: farm, tlcSource: "", tlcSourceReference: "" });
    expect(packing).toMatchObject({
      receiveDate: dayBefore(2),
      quantityReceived: "500 kg",
      harvester: "Green Valley Farm, +1 831 555 0142",
      fieldName: "Field 7",
      tlcSource: farm,
      tlcSourceReference: `${APP_URL}/01/09506000134369/10/RH-2611-A`,
    });
    expect(shipping).toMatchObject({
      location: farm,
      subsequentRecipient: store,
      transporter: carrier,
      documentType: "Bill of lading",
      documentNumber: DEMO_BILL_OF_LADING,
    });
    expect(receiving).toMatchObject({
      location: store,
      previousSource: farm,
      transporter: carrier,
      documentNumber: DEMO_BILL_OF_LADING,
      tlcSourceReference: `${APP_URL}/01/09506000134369/10/RH-2611-A`,
    });
    // No location description repeats its business's name.
    for (const row of rows)
      expect(row.location).not.toMatch(/Green Valley Farm.*Green Valley Farm/);
  });

  it("adds nothing on a second run", async () => {
    const before = await counts();
    expect(await seed()).toEqual({ status: "skipped" });
    expect(await counts()).toEqual(before);
  });
});
