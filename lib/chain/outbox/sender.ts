import "server-only";
import { type Interface, type JsonRpcProvider, type Signer, Transaction } from "ethers";
import { describeLedgerRefusal, isLedgerUnreachable } from "@/lib/chain/errors";
import { LotTracker__factory } from "@/lib/chain/generated";
import type { Db } from "@/lib/db/client";

export type SenderContext = {
  db: Db;
  provider: JsonRpcProvider;
  chainId: number;
  contractAddress: string;
  /** The signer of an organisation's writes (the outbox row names the organisation by id). */
  signerOf: (organizationId: string) => Promise<Pick<Signer, "signTransaction">>;
  log?: (line: string) => void;
  /**
   * How often recent confirmations are re-checked (one receipt call each). Unset: every pass, as
   * tests want; the sender process checks every few seconds instead of every 100 ms poll.
   */
  recheck?: { everyMs: number; lastAt: number };
};

type Row = Awaited<ReturnType<Db["ledgerTransaction"]["findFirstOrThrow"]>>;

// Typed loosely: outbox rows name their method at run time.
const lotTracker: Interface = LotTracker__factory.createInterface();
/** Confirmed transactions this close to the head are re-checked: a reorg or a chain restart can drop them. */
const RECHECK_DEPTH = 64;

/**
 * One pass over the outbox: re-check recent confirmations, settle what was signed (receipt, or
 * re-broadcast of the same signed bytes), then sign and send what is pending, per signer in nonce
 * order. Throws when the chain is unreachable; every row stays where it was, to be resumed.
 */
export async function processOutbox(ctx: SenderContext): Promise<number> {
  const { db } = ctx;
  if (!ctx.recheck || Date.now() - ctx.recheck.lastAt >= ctx.recheck.everyMs) {
    await recheckConfirmations(ctx);
    if (ctx.recheck) ctx.recheck.lastAt = Date.now();
  }
  const signed = await db.ledgerTransaction.findMany({
    where: { status: "SIGNED" },
    orderBy: [{ signerAddress: "asc" }, { nonce: "asc" }],
  });
  for (const row of signed) await settleSigned(ctx, row);
  const pending = await db.ledgerTransaction.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 100,
  });
  for (const row of pending) await signAndSend(ctx, row);
  return signed.length + pending.length;
}

/** Sends again, unchanged, any recently confirmed transaction the chain no longer has. */
async function recheckConfirmations(ctx: SenderContext): Promise<void> {
  const head = await ctx.provider.getBlockNumber();
  const recent = await ctx.db.ledgerTransaction.findMany({
    where: { status: "CONFIRMED", blockNumber: { gt: head - RECHECK_DEPTH } },
    orderBy: [{ signerAddress: "asc" }, { nonce: "asc" }],
  });
  for (const row of recent) {
    if (!(await ctx.provider.getTransactionReceipt(row.txHash as string))) {
      ctx.log?.(`sender: ${row.txHash} is no longer on the chain; sending it again`);
      await ctx.db.ledgerTransaction.update({
        where: { id: row.id },
        data: { status: "SIGNED", blockNumber: null },
      });
    }
  }
}

async function settleSigned(ctx: SenderContext, row: Row): Promise<void> {
  const receipt = await ctx.provider.getTransactionReceipt(row.txHash as string);
  if (receipt) {
    await ctx.db.ledgerTransaction.update({
      where: { id: row.id },
      data:
        receipt.status === 1
          ? { status: "CONFIRMED", blockNumber: receipt.blockNumber, error: null }
          : {
              status: "FAILED",
              blockNumber: receipt.blockNumber,
              error: "The ledger refused the transaction when it was mined.",
            },
    });
    return;
  }
  await broadcast(ctx, row.rawTransaction as string);
  await ctx.db.ledgerTransaction.update({
    where: { id: row.id },
    data: { attempts: { increment: 1 } },
  });
}

async function signAndSend(ctx: SenderContext, row: Row): Promise<void> {
  const { db, provider } = ctx;
  // Stored as typed by LedgerCall (outbox/enqueue.ts): what the generated bindings take.
  const data = lotTracker.encodeFunctionData(row.method, row.args as readonly unknown[]);
  const request = { from: row.signerAddress, to: ctx.contractAddress, data };
  let gasLimit: bigint;
  try {
    gasLimit = await provider.estimateGas(request);
  } catch (error) {
    const refusal = describeLedgerRefusal(error);
    if (!refusal) throw error;
    await db.ledgerTransaction.update({
      where: { id: row.id },
      data: { status: "FAILED", error: refusal },
    });
    return;
  }
  const [nonce, fees, wallet] = await Promise.all([
    nextNonce(ctx, row.signerAddress),
    provider.getFeeData(),
    ctx.signerOf(row.organizationId),
  ]);
  const rawTransaction = await wallet.signTransaction({
    type: 2,
    chainId: ctx.chainId,
    to: ctx.contractAddress,
    data,
    nonce,
    // A margin over the estimate: state can change between estimate and inclusion.
    gasLimit: (gasLimit * 13n) / 10n,
    maxFeePerGas: fees.maxFeePerGas,
    maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
  });
  const txHash = Transaction.from(rawTransaction).hash as string;
  // Saved before it is broadcast: after a crash the same bytes (same nonce, same hash) are sent again.
  await db.ledgerTransaction.update({
    where: { id: row.id, status: "PENDING" },
    data: { status: "SIGNED", nonce, rawTransaction, txHash },
  });
  await broadcast(ctx, rawTransaction);
}

async function broadcast(ctx: SenderContext, rawTransaction: string): Promise<void> {
  try {
    await ctx.provider.broadcastTransaction(rawTransaction);
  } catch (error) {
    if (isLedgerUnreachable(error)) throw error;
    // "already known" / "nonce too low": the node has it or mined it; the next pass reads the receipt.
    ctx.log?.(`sender: broadcast answered ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * The next nonce for a signer: past everything the chain has seen from it and everything the outbox
 * has already signed for it (which the chain may not have seen yet, e.g. after a broadcast failed or
 * the node lost recent blocks). Only the sender signs, so nothing else takes nonces in between.
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
