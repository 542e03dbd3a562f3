import type { JsonRpcProvider, Signer } from "ethers";
import { isLedgerUnreachable } from "@/lib/chain/errors";
import type { Db, Tx } from "@/lib/db/client";

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
  /**
   * Runs in the database transaction that fails a write, for what the write's domain made with it
   * (the sender process removes the packages of a lot creation the ledger refused).
   */
  onFailed?: (tx: Tx, writeId: string) => Promise<unknown>;
  /** Blocks without a receipt before a signed write is sent again with a higher fee (default 3). */
  replaceAfterBlocks?: number;
  /** Wait before the first re-check of a signed write, doubling up to the max (default 100 ms → 10 s). */
  checkBackoff?: { firstMs: number; maxMs: number };
  /** Tries of a write that meets an unexpected error before it is failed (default 8: 2 s → 4 min). */
  maxAttempts?: number;
  /** What the sender remembers between passes; made on the first pass. */
  memory?: SenderMemory;
};

/**
 * Per signed write: when to check it next, and whether its nonce looked taken last time. Per signer:
 * the next nonce it has not signed at.
 */
export type SenderMemory = {
  waits: Map<string, { count: number; nextCheckAt: number; isNonceTaken: boolean }>;
  nonces: Map<string, number>;
};

export type SenderRow = Awaited<ReturnType<Db["ledgerTransaction"]["findFirstOrThrow"]>>;

export function memoryOf(ctx: SenderContext): SenderMemory {
  ctx.memory ??= { waits: new Map(), nonces: new Map() };
  return ctx.memory;
}

/** Fails a write with the sentence its requester reads, and lets its domain clean up, in one transaction. */
export async function failWrite(
  ctx: SenderContext,
  row: SenderRow,
  error: string,
  mined: { txHash?: string; blockNumber?: number } = {},
): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.ledgerTransaction.update({
      where: { id: row.id },
      data: { status: "FAILED", error, nextAttemptAt: null, ...mined },
    });
    await ctx.onFailed?.(tx, row.id);
  });
  ctx.log?.(`sender: write ${row.id} failed: ${error}`);
}

/** Sends signed bytes. The node's refusals ("already known", "nonce too low") are read back later. */
export async function broadcast(ctx: SenderContext, rawTransaction: string): Promise<void> {
  try {
    await ctx.provider.broadcastTransaction(rawTransaction);
  } catch (error) {
    if (isLedgerUnreachable(error)) throw error;
    // The node has it, mined it, or refused it: the next check reads the receipt or the nonce.
    const reason = messageOf(error);
    if (!/already known|nonce too low/i.test(reason)) {
      ctx.log?.(`sender: broadcast answered ${reason}`);
    }
  }
}

export function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
