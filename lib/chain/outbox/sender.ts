import "server-only";
import type { Interface } from "ethers";
import { describeLedgerRefusal, isLedgerUnreachable } from "@/lib/chain/errors";
import { LotTracker__factory } from "@/lib/chain/generated";
import {
  broadcast,
  failWrite,
  memoryOf,
  messageOf,
  type SenderContext,
  type SenderRow,
} from "./context";
import { settleSignedWrites } from "./settle";
import { feesFor, signWrite } from "./sign";

export type { SenderContext } from "./context";

// Typed loosely: outbox rows name their method at run time.
const lotTracker: Interface = LotTracker__factory.createInterface();
/** Confirmed transactions this close to the head are re-checked: a reorg or a chain restart can drop them. */
const RECHECK_DEPTH = 64;
const DEFAULT_MAX_ATTEMPTS = 8;

export const SEND_GAVE_UP =
  "LotLedger could not sign or send this to the ledger after several tries over a few minutes, so nothing was recorded: record it again. If it happens again, ask your LotLedger administrator (the sender's log says why).";

/**
 * One pass over the outbox: re-check recent confirmations, settle the signed writes that are due for
 * a check (receipt, same bytes again, or a higher fee), then sign and send what is pending, per
 * signer in nonce order. An unexpected error holds back only its own write, and the later writes of
 * the same signer (they may depend on it), with retries that back off; other organisations go on.
 * Throws when the chain is unreachable; every row stays where it was, to be resumed.
 * Returns how many writes moved: 0 when everything is waiting, so the caller can sleep.
 */
export async function processOutbox(ctx: SenderContext): Promise<number> {
  const { db } = ctx;
  let moved = 0;
  if (!ctx.recheck || Date.now() - ctx.recheck.lastAt >= ctx.recheck.everyMs) {
    moved += await recheckConfirmations(ctx);
    if (ctx.recheck) ctx.recheck.lastAt = Date.now();
  }
  const signed = await db.ledgerTransaction.findMany({
    where: { status: "SIGNED" },
    orderBy: [{ signerAddress: "asc" }, { nonce: "asc" }],
  });
  const waits = memoryOf(ctx).waits;
  const signedIds = new Set(signed.map((row) => row.id));
  for (const id of waits.keys()) if (!signedIds.has(id)) waits.delete(id);
  moved += await settleSignedWrites(ctx, signed);
  return moved + (await sendPending(ctx));
}

/** Sends again, unchanged, any recently confirmed transaction the chain no longer has. */
async function recheckConfirmations(ctx: SenderContext): Promise<number> {
  const head = await ctx.provider.getBlockNumber();
  const recent = await ctx.db.ledgerTransaction.findMany({
    where: { status: "CONFIRMED", blockNumber: { gt: head - RECHECK_DEPTH } },
    orderBy: [{ signerAddress: "asc" }, { nonce: "asc" }],
  });
  let reopened = 0;
  for (const row of recent) {
    if (!(await ctx.provider.getTransactionReceipt(row.txHash as string))) {
      ctx.log?.(`sender: ${row.txHash} is no longer on the chain; sending it again`);
      await ctx.db.ledgerTransaction.update({
        where: { id: row.id },
        data: { status: "SIGNED", blockNumber: null, sentAtBlock: head },
      });
      reopened += 1;
    }
  }
  return reopened;
}

async function sendPending(ctx: SenderContext): Promise<number> {
  const { db } = ctx;
  // Signers whose oldest pending write is backing off after an error: their later writes wait.
  const held = await db.ledgerTransaction.findMany({
    where: { status: "PENDING", nextAttemptAt: { gt: new Date() } },
    distinct: ["signerAddress"],
    select: { signerAddress: true },
  });
  const heldBack = new Set(held.map((row) => row.signerAddress));
  const pending = await db.ledgerTransaction.findMany({
    where: { status: "PENDING", signerAddress: { notIn: [...heldBack] } },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  let moved = 0;
  for (const row of pending) {
    if (heldBack.has(row.signerAddress)) continue;
    try {
      moved += await signAndSend(ctx, row);
    } catch (error) {
      if (isLedgerUnreachable(error)) throw error;
      heldBack.add(row.signerAddress);
      moved += await retryLater(ctx, row, error);
    }
  }
  return moved;
}

async function signAndSend(ctx: SenderContext, row: SenderRow): Promise<number> {
  const { db, provider } = ctx;
  // Stored as typed by LedgerCall (outbox/enqueue.ts): what the generated bindings take.
  const data = lotTracker.encodeFunctionData(row.method, row.args as readonly unknown[]);
  let gasLimit: bigint;
  try {
    gasLimit = await provider.estimateGas({
      from: row.signerAddress,
      to: ctx.contractAddress,
      data,
    });
  } catch (error) {
    const refusal = describeLedgerRefusal(error);
    if (!refusal) throw error;
    await failWrite(ctx, row, refusal);
    return 1;
  }
  const [nonce, fees, wallet, head] = await Promise.all([
    nextNonce(ctx, row.signerAddress),
    provider.getFeeData(),
    ctx.signerOf(row.organizationId),
    provider.getBlockNumber(),
  ]);
  const signed = await signWrite(wallet, {
    chainId: ctx.chainId,
    to: ctx.contractAddress,
    data,
    nonce,
    // A margin over the estimate: state can change between estimate and inclusion.
    gasLimit: (gasLimit * 13n) / 10n,
    fees: feesFor(fees),
  });
  // Saved before it is broadcast: after a crash the same bytes (same nonce, same hash) are sent again.
  await db.ledgerTransaction.update({
    where: { id: row.id, status: "PENDING" },
    data: {
      status: "SIGNED",
      nonce,
      ...signed,
      sentHashes: [signed.txHash],
      sentAtBlock: head,
      attempts: 0,
      nextAttemptAt: null,
    },
  });
  await broadcast(ctx, signed.rawTransaction);
  return 1;
}

/** Holds a write back after an unexpected error: 2 s, 4 s, 8 s, … then fails it with a sentence. */
async function retryLater(ctx: SenderContext, row: SenderRow, error: unknown): Promise<number> {
  const attempts = row.attempts + 1;
  const maxAttempts = ctx.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  ctx.log?.(
    `sender: write ${row.id} of organisation ${row.organizationId} failed unexpectedly (attempt ${attempts} of ${maxAttempts}): ${messageOf(error)}`,
  );
  if (attempts >= maxAttempts) {
    await failWrite(ctx, row, SEND_GAVE_UP);
    return 1;
  }
  const delayMs = 2_000 * 2 ** (attempts - 1);
  await ctx.db.ledgerTransaction.update({
    where: { id: row.id },
    data: { attempts, nextAttemptAt: new Date(Date.now() + delayMs) },
  });
  return 0;
}

/**
 * The next nonce for a signer: past everything the chain has seen from it and everything the outbox
 * has already signed for it (which the chain may not have seen yet, e.g. after a broadcast failed or
 * the node lost recent blocks). Only the sender signs, and one sender holds the database's lock.
 */
async function nextNonce(ctx: SenderContext, signerAddress: string): Promise<number> {
  const [onChain, highest] = await Promise.all([
    ctx.provider.getTransactionCount(signerAddress, "pending"),
    ctx.db.ledgerTransaction.aggregate({
      where: { signerAddress, nonce: { not: null } },
      _max: { nonce: true },
    }),
  ]);
  return Math.max(onChain, (highest._max.nonce ?? -1) + 1);
}
