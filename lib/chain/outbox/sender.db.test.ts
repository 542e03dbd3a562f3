import { id, toBeHex, Wallet, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { createSignerLookup, createSigningKey } from "@/lib/organizations";
import { roleForOrganizationKind } from "@/lib/organizations/kinds";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { startRpcProxy } from "@/tools/testing/rpc-proxy";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { insertLedgerTransaction } from "./enqueue";
import { processOutbox, type SenderContext } from "./sender";

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const MASTER_KEY = "ab".repeat(32);
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let context: SenderContext;
let lotTracker: LotTracker;
let organization: { id: string; chainAddress: string };
/** A carrier's address: a lot can be handed off to it. */
const recipient = Wallet.createRandom().address;

function enqueueCreateLot(lotCode: string) {
  return db.$transaction((tx) =>
    insertLedgerTransaction(tx, {
      organizationId: organization.id,
      signerAddress: organization.chainAddress,
      method: "createLot",
      args: [BigInt(GTIN).toString(), encodeLotCode(lotCode), id(lotCode), ZeroHash],
      lotId: lotIdOf(GTIN, lotCode),
    }),
  );
}

/** A handoff of the lot; `lotId: undefined` queues it as a write the sender cannot tie to the lot. */
function enqueueHandoff(lotCode: string, { lotId = lotIdOf(GTIN, lotCode) } = {}) {
  return db.$transaction((tx) =>
    insertLedgerTransaction(tx, {
      organizationId: organization.id,
      signerAddress: organization.chainAddress,
      method: "handoff",
      args: [lotIdOf(GTIN, lotCode), recipient, id(`handoff ${lotCode}`)],
      lotId,
    }),
  );
}

const rowOf = (rowId: string) => db.ledgerTransaction.findUniqueOrThrow({ where: { id: rowId } });

async function withManualMining<T>(run: () => Promise<T>): Promise<T> {
  await provider.send("evm_setAutomine", [false]);
  try {
    return await run();
  } finally {
    await provider.send("evm_setAutomine", [true]);
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const { address, encryptedKey } = createSigningKey(MASTER_KEY);
  organization = await db.organization.create({
    data: {
      name: "Outbox Farm",
      kind: "FARM",
      gln: "9520000000993",
      chainAddress: address,
      encryptedKey,
    },
  });
  await provider.send("anvil_setBalance", [address, toBeHex(10n ** 20n)]);
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  lotTracker = LotTracker__factory.connect(deployment.address, provider);
  await grantLotTrackerRole(lotTracker.connect(admin), roleForOrganizationKind("FARM"), address);
  await grantTestPrefixes(lotTracker.connect(admin), address);
  await grantLotTrackerRole(
    lotTracker.connect(admin),
    roleForOrganizationKind("CARRIER"),
    recipient,
  );
  context = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: deployment.address,
    signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }),
    // Every pass checks every signed write, as these tests mine by hand between passes.
    checkBackoff: { firstMs: 0, maxMs: 0 },
  };
});

afterAll(async () => {
  await database.drop();
});

describe("outbox sender", () => {
  it("signs, sends and confirms a queued write with the organisation's own key", async () => {
    const { id: rowId } = await enqueueCreateLot("OUT-1");
    await processOutbox(context);
    await processOutbox(context);
    const row = await rowOf(rowId);
    expect(row).toMatchObject({ status: "CONFIRMED", error: null });
    expect(row.blockNumber).toBeGreaterThan(0);
    expect(await lotTracker.custodianOf(lotIdOf(GTIN, "OUT-1"))).toBe(organization.chainAddress);
  });

  it("gives concurrent writes of one organisation consecutive nonces, all mined", async () => {
    const rows = await Promise.all(["OUT-2", "OUT-3", "OUT-4", "OUT-5"].map(enqueueCreateLot));
    await withManualMining(async () => {
      await processOutbox(context);
      await provider.send("evm_mine", []);
    });
    await processOutbox(context);
    const settled = await Promise.all(rows.map(({ id: rowId }) => rowOf(rowId)));
    const nonces = settled.map((row) => row.nonce as number).sort((a, b) => a - b);
    expect(nonces).toEqual([0, 1, 2, 3].map((i) => (nonces[0] as number) + i));
    expect(settled.map((row) => row.status)).toEqual([
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
    ]);
  });

  it("sends several writes of one organisation before any is mined, and one block settles them all", async () => {
    const rows = await Promise.all(["FLY-1", "FLY-2", "FLY-3"].map(enqueueCreateLot));
    await withManualMining(async () => {
      await processOutbox(context);
      const inFlight = await Promise.all(rows.map(({ id: rowId }) => rowOf(rowId)));
      expect(inFlight.map((row) => row.status)).toEqual(["SIGNED", "SIGNED", "SIGNED"]);
      await provider.send("evm_mine", []);
    });
    await processOutbox(context);
    const settled = await Promise.all(rows.map(({ id: rowId }) => rowOf(rowId)));
    expect(settled.map((row) => row.status)).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect(new Set(settled.map((row) => row.blockNumber)).size).toBe(1);
  });

  it("holds a lot's handoff until the lot's creation is mined, then sends it", async () => {
    const created = await enqueueCreateLot("DEP-1");
    const handedOff = await enqueueHandoff("DEP-1");
    await withManualMining(async () => {
      await processOutbox(context);
      expect((await rowOf(created.id)).status).toBe("SIGNED");
      expect(await rowOf(handedOff.id)).toMatchObject({ status: "PENDING", nonce: null });
      await provider.send("evm_mine", []);
      await processOutbox(context); // confirms the creation, then signs the handoff
      expect((await rowOf(handedOff.id)).status).toBe("SIGNED");
      await provider.send("evm_mine", []);
    });
    await processOutbox(context);
    expect((await rowOf(handedOff.id)).status).toBe("CONFIRMED");
    expect(await lotTracker.pendingRecipientOf(lotIdOf(GTIN, "DEP-1"))).toBe(recipient);
  });

  it("judges a refusal met while the organisation has writes in flight again once they are mined", async () => {
    const created = await enqueueCreateLot("DEP-2");
    // Not tied to its lot: only the refusal rule keeps it from failing against the block before.
    const handedOff = await enqueueHandoff("DEP-2", { lotId: undefined });
    await withManualMining(async () => {
      await processOutbox(context);
      expect((await rowOf(created.id)).status).toBe("SIGNED");
      expect(await rowOf(handedOff.id)).toMatchObject({ status: "PENDING", error: null });
      await provider.send("evm_mine", []);
    });
    await processOutbox(context);
    await processOutbox(context);
    expect(await rowOf(handedOff.id)).toMatchObject({ status: "CONFIRMED", error: null });
  });

  it("sends the saved bytes after a crash between signing and sending, and the next write takes the next nonce", async () => {
    const node = await startRpcProxy(inject("rpcUrl"));
    // The node never hears of the write, as when the sender dies right after saving it.
    node.intercept = (request) =>
      request.method === "eth_sendRawTransaction"
        ? { error: { code: -32000, message: "connection reset" } }
        : undefined;
    const crashing = {
      ...context,
      provider: createProvider(node.url, CHAIN_ID),
      memory: undefined,
    };
    const { id: rowId } = await enqueueCreateLot("CRASH-1");
    await processOutbox(crashing);
    const saved = await rowOf(rowId);
    expect(saved.status).toBe("SIGNED");
    expect(await provider.getTransaction(saved.txHash as string)).toBeNull();
    crashing.provider.destroy();
    await node.close();

    const restarted = { ...context, memory: undefined }; // a new sender remembers nothing
    await processOutbox(restarted);
    await processOutbox(restarted);
    expect(await rowOf(rowId)).toMatchObject({
      status: "CONFIRMED",
      nonce: saved.nonce,
      txHash: saved.txHash,
    });
    const { id: nextId } = await enqueueCreateLot("CRASH-2");
    await processOutbox(restarted);
    await processOutbox(restarted);
    expect(await rowOf(nextId)).toMatchObject({
      status: "CONFIRMED",
      nonce: (saved.nonce as number) + 1,
    });
  });

  it("re-broadcasts a signed transaction the node lost, with the same nonce and hash", async () => {
    const { id: rowId } = await enqueueCreateLot("OUT-6");
    const signed = await withManualMining(async () => {
      await processOutbox(context);
      const row = await rowOf(rowId);
      expect(row.status).toBe("SIGNED");
      await provider.send("anvil_dropTransaction", [row.txHash]);
      await processOutbox(context); // finds no receipt: sends the stored bytes again
      await provider.send("evm_mine", []);
      return row;
    });
    await processOutbox(context);
    expect(await rowOf(rowId)).toMatchObject({
      status: "CONFIRMED",
      nonce: signed.nonce,
      txHash: signed.txHash,
    });
  });

  it("sends again a confirmed transaction that a chain rollback erased", async () => {
    const snapshot = await provider.send("evm_snapshot", []);
    const { id: rowId } = await enqueueCreateLot("OUT-7");
    await processOutbox(context);
    await processOutbox(context);
    const confirmed = await rowOf(rowId);
    expect(confirmed.status).toBe("CONFIRMED");
    await provider.send("evm_revert", [snapshot]);
    expect(await provider.getTransactionReceipt(confirmed.txHash as string)).toBeNull();

    await processOutbox(context); // notices the loss, re-broadcasts the same signed bytes
    await processOutbox(context);
    expect(await rowOf(rowId)).toMatchObject({ status: "CONFIRMED", txHash: confirmed.txHash });
    expect(await lotTracker.custodianOf(lotIdOf(GTIN, "OUT-7"))).toBe(organization.chainAddress);
  });

  it("fails a write the ledger refuses, with the sentence a user sees, and moves on", async () => {
    const { id: rowId } = await enqueueCreateLot("OUT-1"); // already created above
    const { id: nextId } = await enqueueCreateLot("OUT-8");
    await processOutbox(context);
    await processOutbox(context);
    expect(await rowOf(rowId)).toMatchObject({
      status: "FAILED",
      nonce: null,
      error:
        "This lot code is already on the ledger for this product: give a new batch a new lot code.",
    });
    expect((await rowOf(nextId)).status).toBe("CONFIRMED");
  });

  it("keeps writes pending while the chain is unreachable", async () => {
    const { id: rowId } = await enqueueCreateLot("OUT-9");
    const down = { ...context, provider: createProvider("http://127.0.0.1:9", CHAIN_ID) };
    await expect(processOutbox(down)).rejects.toThrow();
    expect(await rowOf(rowId)).toMatchObject({ status: "PENDING", nonce: null, txHash: null });
    await processOutbox(context);
    await processOutbox(context);
    expect((await rowOf(rowId)).status).toBe("CONFIRMED");
  });
});
