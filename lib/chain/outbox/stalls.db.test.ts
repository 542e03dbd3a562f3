import { id, Transaction, toBeHex, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LotTracker, LotTracker__factory } from "@/lib/chain/generated";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider, grantLotTrackerRole } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { createSignerLookup, createSigningKey } from "@/lib/organizations";
import { roleForOrganizationKind } from "@/lib/organizations/kinds";
import { deployLotTracker } from "@/tools/chain/deploy";
import { grantTestPrefixes } from "@/tools/testing/company-prefixes";
import { type RpcProxy, startRpcProxy } from "@/tools/testing/rpc-proxy";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { insertLedgerTransaction } from "./enqueue";
import { processOutbox, SEND_GAVE_UP, type SenderContext } from "./sender";
import { NONCE_USED_ELSEWHERE } from "./settle";

// Issue 13, finding 10: the sender re-broadcast and polled nonstop while a transaction waited for a
// block, never replaced a stuck one, only logged a nonce used elsewhere, let one bad write block every
// organisation, and signed EIP-1559 fees on chains that have none.

const CHAIN_ID = 31337;
const GTIN = "09506000134352";
const MASTER_KEY = "cd".repeat(32);
const chain = createProvider(inject("rpcUrl"), CHAIN_ID);

let database: TestDatabase;
let db: Db;
let lotTracker: LotTracker;
let node: RpcProxy;
const orgs: { id: string; chainAddress: string }[] = [];
let lotCount = 0;

function contextOf(overrides: Partial<SenderContext> = {}): SenderContext {
  return {
    db,
    provider: chain,
    chainId: CHAIN_ID,
    contractAddress: lotTracker.target as string,
    signerOf: createSignerLookup({ db, masterKey: MASTER_KEY }),
    checkBackoff: { firstMs: 0, maxMs: 0 },
    ...overrides,
  };
}

async function enqueueLot(org = orgs[0] as (typeof orgs)[number]) {
  const lotCode = `STALL-${++lotCount}`;
  const { id: rowId } = await db.$transaction((tx) =>
    insertLedgerTransaction(tx, {
      organizationId: org.id,
      signerAddress: org.chainAddress,
      method: "createLot",
      args: [BigInt(GTIN).toString(), encodeLotCode(lotCode), id(lotCode), ZeroHash],
      lotId: lotIdOf(GTIN, lotCode),
    }),
  );
  return rowId;
}

const rowOf = (rowId: string) => db.ledgerTransaction.findUniqueOrThrow({ where: { id: rowId } });

async function withManualMining<T>(run: () => Promise<T>): Promise<T> {
  await chain.send("evm_setAutomine", [false]);
  try {
    return await run();
  } finally {
    await chain.send("evm_setAutomine", [true]);
  }
}

/** Mines a block whose base fee is `gwei`: a transaction offering less stays in the pool. */
async function mineAtBaseFee(gwei: number) {
  await chain.send("anvil_setNextBlockBaseFeePerGas", [toBeHex(BigInt(gwei) * 10n ** 9n)]);
  await chain.send("evm_mine", []);
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const admin = await chain.getSigner(0);
  const deployment = await deployLotTracker(admin);
  lotTracker = LotTracker__factory.connect(deployment.address, admin);
  for (const [i, name] of ["Stall Farm", "Other Farm"].entries()) {
    const { address, encryptedKey } = createSigningKey(MASTER_KEY);
    const org = await db.organization.create({
      data: { name, kind: "FARM", gln: `952000000${i}994`, chainAddress: address, encryptedKey },
    });
    orgs.push(org);
    await chain.send("anvil_setBalance", [address, toBeHex(10n ** 21n)]);
    await grantLotTrackerRole(lotTracker, roleForOrganizationKind("FARM"), address);
    await grantTestPrefixes(lotTracker, address);
  }
  node = await startRpcProxy(inject("rpcUrl"));
});

afterAll(async () => {
  await node.close();
  await database.drop();
});

describe("the outbox sender when a write does not go through at once", () => {
  it("backs off while a signed write waits for a block, instead of polling and re-sending nonstop", async () => {
    const provider = createProvider(node.url, CHAIN_ID);
    const context = contextOf({
      provider,
      checkBackoff: undefined,
      recheck: { everyMs: 2_000, lastAt: 0 },
    });
    await withManualMining(async () => {
      const rowId = await enqueueLot();
      node.calls.clear();
      const running = new AbortController();
      const loop = runPollLoop("sender", async () => (await processOutbox(context)) > 0, {
        signal: running.signal,
        pollMs: 100,
        log: () => {},
      });
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const calls = [...node.calls.values()].reduce((sum, count) => sum + count, 0);
      const resent = node.calls.get("eth_sendRawTransaction") ?? 0;
      await chain.send("evm_mine", []);
      const deadline = Date.now() + 12_000;
      while ((await rowOf(rowId)).status !== "CONFIRMED" && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      running.abort();
      await loop;
      console.log(
        `sender back-off: ${calls} JSON-RPC calls, ${resent} broadcasts in 5 s of waiting`,
      );
      expect(calls).toBeLessThan(60);
      expect(resent).toBeLessThan(10);
      expect((await rowOf(rowId)).status).toBe("CONFIRMED");
    });
    provider.destroy();
  }, 30_000);

  it("replaces a write stuck below the base fee with a higher fee after a few blocks, at the same nonce", async () => {
    const context = contextOf({ replaceAfterBlocks: 3 });
    const rowId = await enqueueLot();
    const first = await withManualMining(async () => {
      await mineAtBaseFee(1); // what it offers follows the last block's base fee
      await processOutbox(context);
      const signed = await rowOf(rowId);
      for (let block = 0; block < 3; block++) {
        await mineAtBaseFee(5_000); // far above what it offered: it stays in the pool
        await processOutbox(context);
      }
      return signed;
    });
    const replaced = await rowOf(rowId);
    expect(replaced.nonce).toBe(first.nonce);
    expect(replaced.sentHashes).toEqual([first.txHash, replaced.txHash]);
    const [before, after] = [first, replaced].map((row) =>
      Transaction.from(row.rawTransaction as string),
    );
    expect(after?.maxFeePerGas).toBeGreaterThan(5_000n * 10n ** 9n);
    expect(after?.maxPriorityFeePerGas).toBeGreaterThan(before?.maxPriorityFeePerGas ?? 0n);

    await processOutbox(context);
    expect(await rowOf(rowId)).toMatchObject({ status: "CONFIRMED", txHash: replaced.txHash });
  });

  it("settles a write by whichever of its versions is mined", async () => {
    const context = contextOf({ replaceAfterBlocks: 1 });
    const rowId = await enqueueLot();
    await withManualMining(async () => {
      await mineAtBaseFee(1);
      await processOutbox(context);
      const firstVersion = (await rowOf(rowId)).rawTransaction;
      await mineAtBaseFee(5_000);
      await processOutbox(context); // replaced
      const row = await rowOf(rowId);
      expect(row.sentHashes).toHaveLength(2);
      // The node loses the replacement and mines the first version after all.
      await chain.send("anvil_dropTransaction", [row.txHash]);
      await chain.send("anvil_setNextBlockBaseFeePerGas", [toBeHex(10n ** 9n)]);
      await chain.send("eth_sendRawTransaction", [firstVersion]);
      await chain.send("evm_mine", []);
    });
    await processOutbox(context);
    const settled = await rowOf(rowId);
    expect(settled).toMatchObject({ status: "CONFIRMED", txHash: settled.sentHashes[0] });
  });

  it("fails a write whose nonce a transaction sent elsewhere took, with a sentence", async () => {
    const context = contextOf();
    const org = orgs[0] as (typeof orgs)[number];
    const rowId = await enqueueLot(org);
    await withManualMining(async () => {
      await processOutbox(context);
      const row = await rowOf(rowId);
      await chain.send("anvil_dropTransaction", [row.txHash]);
      // The organisation's key, used outside LotLedger at the same nonce.
      const wallet = await context.signerOf(org.id);
      const elsewhere = await wallet.signTransaction({
        ...Transaction.from(row.rawTransaction as string).toJSON(),
        to: org.chainAddress,
        data: "0x",
        gasLimit: 21_000n,
      });
      await chain.send("eth_sendRawTransaction", [elsewhere]);
      await chain.send("evm_mine", []);
    });
    await processOutbox(context); // the nonce looks taken: checked once more before failing
    await processOutbox(context);
    expect(await rowOf(rowId)).toMatchObject({ status: "FAILED", error: NONCE_USED_ELSEWHERE });
    // The organisation's next write goes through at the next nonce.
    const nextId = await enqueueLot(org);
    // Two passes suffice on a quiet machine (send, then read its receipt); a loaded one may need more.
    for (let pass = 0; pass < 30 && (await rowOf(nextId)).status !== "CONFIRMED"; pass++) {
      await processOutbox(context);
      if (pass > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await rowOf(nextId)).status).toBe("CONFIRMED");
  });

  it("holds back only the organisation whose write fails unexpectedly, retries it, then fails it with a sentence", async () => {
    const [ok, broken] = orgs as [(typeof orgs)[number], (typeof orgs)[number]];
    const lookup = createSignerLookup({ db, masterKey: MASTER_KEY });
    const lines: string[] = [];
    const context = contextOf({
      maxAttempts: 2,
      log: (line) => lines.push(line),
      signerOf: async (organizationId) => {
        if (organizationId === broken.id) throw new Error("the key cannot be decrypted");
        return lookup(organizationId);
      },
    });
    const brokenFirst = await enqueueLot(broken);
    const okFirst = await enqueueLot(ok);
    const brokenSecond = await enqueueLot(broken);
    const okSecond = await enqueueLot(ok);

    await processOutbox(context);
    await processOutbox(context);
    expect((await rowOf(okFirst)).status).toBe("CONFIRMED");
    expect((await rowOf(okSecond)).status).toBe("CONFIRMED");
    expect(await rowOf(brokenFirst)).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(await rowOf(brokenSecond)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(lines.some((line) => line.includes("the key cannot be decrypted"))).toBe(true);

    await db.ledgerTransaction.update({
      where: { id: brokenFirst },
      data: { nextAttemptAt: new Date() },
    });
    await processOutbox(context);
    expect(await rowOf(brokenFirst)).toMatchObject({ status: "FAILED", error: SEND_GAVE_UP });
    await processOutbox(context);
    expect((await rowOf(brokenSecond)).attempts).toBe(1); // its turn came, and it met the same error
  });

  it("signs with a legacy gas price on a chain without EIP-1559 fees", async () => {
    node.intercept = () => undefined;
    node.rewrite = (request, result) => {
      if (request.method !== "eth_getBlockByNumber" || !result) return result;
      const { baseFeePerGas: _, ...block } = result as Record<string, unknown>;
      return block;
    };
    const provider = createProvider(node.url, CHAIN_ID);
    const context = contextOf({ provider });
    const rowId = await enqueueLot();
    await processOutbox(context);
    await processOutbox(context);
    const row = await rowOf(rowId);
    expect(row.status).toBe("CONFIRMED");
    expect(Transaction.from(row.rawTransaction as string).type).toBe(0);
    node.rewrite = (_request, result) => result;
    provider.destroy();
  });
});
