import { id, toBeHex, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { insertLedgerTransaction } from "@/lib/chain/outbox/enqueue";
import { processOutbox, type SenderContext } from "@/lib/chain/outbox/sender";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { createSignerLookup, createSigningKey } from "@/lib/organizations";
import { roleForOrganizationKind } from "@/lib/organizations/kinds";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { removeWhatAFailedWriteMade } from "./failed-write";

// Issue 13, finding 11: the packages of a lot creation the ledger refused stayed behind.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const MASTER_KEY = "ef".repeat(32);
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let context: SenderContext;
let organization: { id: string; chainAddress: string };

/** Queues a lot creation with its packages, as lib/events does. */
async function createLotWithPackages(lotCode: string, serials: string[]): Promise<string> {
  return db.$transaction(async (tx) => {
    const { id: writeId } = await insertLedgerTransaction(tx, {
      organizationId: organization.id,
      signerAddress: organization.chainAddress,
      method: "createLot",
      args: [BigInt(GTIN).toString(), encodeLotCode(lotCode), id(lotCode), ZeroHash],
      lotId: lotIdOf(GTIN, lotCode),
    });
    await tx.package.createMany({
      data: serials.map((serial) => ({
        lotId: lotIdOf(GTIN, lotCode),
        serial,
        ledgerTransactionId: writeId,
      })),
    });
    return writeId;
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const { address, encryptedKey } = createSigningKey(MASTER_KEY);
  organization = await db.organization.create({
    data: {
      name: "Package Farm",
      kind: "FARM",
      gln: "9520000000987",
      chainAddress: address,
      encryptedKey,
    },
  });
  await provider.send("anvil_setBalance", [address, toBeHex(10n ** 20n)]);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  const lotTracker = LotTracker__factory.connect(deployment.address, admin);
  await grantLotTrackerRole(lotTracker, roleForOrganizationKind("FARM"), address);
  await grantTestPrefixes(lotTracker, address);
  context = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }),
    onFailed: removeWhatAFailedWriteMade,
  };
});

afterAll(async () => {
  await database.drop();
});

describe("a lot creation the ledger refuses", () => {
  it("leaves no packages behind, and the lot created before keeps its own", async () => {
    const recorded = await createLotWithPackages("PKG-1", ["A1", "A2"]);
    await processOutbox(context);
    await processOutbox(context);
    expect((await db.ledgerTransaction.findUniqueOrThrow({ where: { id: recorded } })).status).toBe(
      "CONFIRMED",
    );

    const refused = await createLotWithPackages("PKG-1", ["B1", "B2", "B3"]); // the lot code is taken
    await processOutbox(context);
    expect((await db.ledgerTransaction.findUniqueOrThrow({ where: { id: refused } })).status).toBe(
      "FAILED",
    );

    const serials = await db.package.findMany({
      where: { lotId: lotIdOf(GTIN, "PKG-1") },
      orderBy: { serial: "asc" },
    });
    expect(serials.map((row) => row.serial)).toEqual(["A1", "A2"]);
  });
});
