import "server-only";
import { failWrite, memoryOf, messageOf, type SenderContext, type SenderRow } from "./context";
import { sendPending } from "./send-pending";
import { settleSignedWrites } from "./settle";

export type { SenderContext } from "./context";

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
  return moved + (await sendPending(ctx, (row, error) => retryLater(ctx, row, error)));
}

/**
 * How long the sender may sleep after a pass that moved nothing: until the next signed write is due
 * for a check, or `idleMs` when none waits (a new write rings the sender awake through the outbox's
 * notification; the idle poll is only a safety net).
 */
export function nextPassInMs(ctx: SenderContext, idleMs: number): number {
  const waits = [...memoryOf(ctx).waits.values()];
  if (waits.length === 0) return idleMs;
  const soonest = Math.min(...waits.map((wait) => wait.nextCheckAt));
  return Math.max(10, Math.min(idleMs, soonest - Date.now()));
}

/**
 * Sends again, unchanged, any recently confirmed transaction the chain no longer has: one block read
 * per block that holds such writes, not one receipt per write.
 */
async function recheckConfirmations(ctx: SenderContext): Promise<number> {
  const head = await ctx.provider.getBlockNumber();
  const recent = await ctx.db.ledgerTransaction.findMany({
    where: { status: "CONFIRMED", blockNumber: { gt: head - RECHECK_DEPTH } },
    orderBy: [{ signerAddress: "asc" }, { nonce: "asc" }],
  });
  const heights = [...new Set(recent.map((row) => row.blockNumber as number))];
  const blocks = await Promise.all(heights.map((height) => ctx.provider.getBlock(height)));
  const onChain = new Set(blocks.flatMap((block) => block?.transactions ?? []));
  let reopened = 0;
  for (const row of recent) {
    if (onChain.has(row.txHash as string)) continue;
    ctx.log?.(`sender: ${row.txHash} is no longer on the chain; sending it again`);
    await ctx.db.ledgerTransaction.update({
      where: { id: row.id },
      data: { status: "SIGNED", blockNumber: null, sentAtBlock: head },
    });
    reopened += 1;
  }
  return reopened;
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
