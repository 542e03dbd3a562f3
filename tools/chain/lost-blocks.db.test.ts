import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { id, toBeHex, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { processOutbox, type SenderContext } from "@/lib/chain/outbox/sender";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { type IndexerSource, indexNextBatch } from "@/lib/indexer/indexer";
import { verifyLedger } from "@/lib/indexer/verify";
import { createSignerLookup, createSigningKey } from "@/lib/organizations";
import { roleForOrganizationKind } from "@/lib/organizations/kinds";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { type AnvilProcess, findFreePort, startAnvil } from "./anvil";
import { deployLotTracker } from "./deploy";

// Issue 13, finding 13: the embedded chain started again from its last good copy has lost the blocks
// mined after it. The outbox sends their writes again and the indexer rolls back what the chain no
// longer has, so the database and the chain agree again and no write is lost or doubled.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const MASTER_KEY = "0f".repeat(32);

let directory: string;
let database: TestDatabase;
let db: Db;
let anvil: AnvilProcess;
let port: number;
let sender: SenderContext;
let indexer: IndexerSource;
let organization: { id: string; chainAddress: string };
const stateFile = () => path.join(directory, "anvil", "state.json");

async function createLot(lotCode: string): Promise<string> {
  const { id: writeId } = await db.$transaction((tx) =>
    insertLedgerTransaction(tx, {
      organizationId: organization.id,
      signerAddress: organization.chainAddress,
      method: "createLot",
      args: [BigInt(GTIN).toString(), encodeLotCode(lotCode), id(lotCode), ZeroHash],
      lotId: lotIdOf(GTIN, lotCode),
    }),
  );
  return writeId;
}

/** Runs the sender and the indexer until nothing is left to send and the read model is at the head. */
async function settle(): Promise<void> {
  for (let pass = 0; pass < 200; pass++) {
    const sent = await processOutbox(sender);
    const { blocks } = await indexNextBatch(indexer);
    const open = await db.ledgerTransaction.count({
      where: { status: { in: ["PENDING", "SIGNED"] } },
    });
    if (sent === 0 && blocks === 0 && open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("The sender and the indexer did not settle.");
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "lotledger-lost-blocks-"));
  database = await createTestDatabase();
  db = database.db;
  port = await findFreePort();
  // The good copy is refreshed by hand here, to know which blocks it holds.
  anvil = await startAnvil({ port, stateFile: stateFile(), goodCopyEveryMs: 3_600_000 });
  const provider = createProvider(anvil.rpcUrl, CHAIN_ID);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  const { address, encryptedKey } = createSigningKey(MASTER_KEY);
  organization = await db.organization.create({
    data: {
      name: "Lost Farm",
      kind: "FARM",
      gln: "9520000000970",
      chainAddress: address,
      encryptedKey,
    },
  });
  await provider.send("anvil_setBalance", [address, toBeHex(10n ** 20n)]);
  const lotTracker = LotTracker__factory.connect(deployment.address, admin);
  await grantLotTrackerRole(lotTracker, roleForOrganizationKind("FARM"), address);
  await grantTestPrefixes(lotTracker, address);
  const chain = { db, provider, chainId: CHAIN_ID, contractAddress: deployment.address };
  sender = { ...chain, signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }) };
  indexer = { ...chain, startBlock: deployment.blockNumber, confirmations: 0 };
});

afterAll(async () => {
  sender.provider.destroy();
  await anvil.stop();
  await database.drop();
  await rm(directory, { recursive: true, force: true });
});

describe("the embedded chain after a kill that cut its state file short", () => {
  it("loses only blocks the outbox sends again and the indexer rolls back: the read model equals the chain", async () => {
    await createLot("KEPT");
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // anvil saved it
    expect(await anvil.saveGoodCopy()).toBe(true);
    const keptHead = await sender.provider.getBlockNumber();

    const lost = [await createLot("LOST-1"), await createLot("LOST-2")];
    await settle();
    const before = await db.ledgerTransaction.findMany({ where: { id: { in: lost } } });
    expect(before.map((row) => row.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(await db.lot.count()).toBe(3);
    // One block or two: the sender sends both at once, and anvil may mine them together.
    const lostHead = await sender.provider.getBlockNumber();
    expect(lostHead).toBeGreaterThan(keptHead);
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    await anvil.kill();
    const text = await readFile(stateFile(), "utf8");
    await writeFile(stateFile(), text.slice(0, Math.floor(text.length * 0.6)));
    const lines: string[] = [];
    anvil = await startAnvil({ port, stateFile: stateFile(), log: (line) => lines.push(line) });
    expect(lines[0]).toContain(
      `starting from the last good copy, at block ${keptHead}; ${lostHead - keptHead} block(s)`,
    );
    expect(await sender.provider.getBlockNumber()).toBe(keptHead);

    await settle();
    const after = await db.ledgerTransaction.findMany({ where: { id: { in: lost } } });
    for (const row of after) {
      expect(row.status).toBe("CONFIRMED");
      expect(await sender.provider.getTransactionReceipt(row.txHash as string)).not.toBeNull();
    }
    const tracker = LotTracker__factory.connect(indexer.contractAddress, sender.provider);
    expect(await tracker.queryFilter(tracker.filters.LotCreated(), 0)).toHaveLength(3);
    expect((await db.lot.findMany()).map((lot) => lot.lotCode).sort()).toEqual([
      "KEPT",
      "LOST-1",
      "LOST-2",
    ]);
    expect(await verifyLedger(indexer)).toMatchObject({
      missing: [],
      extra: [],
      changed: [],
      payloads: [],
    });
  });
});
