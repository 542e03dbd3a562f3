import { isLedgerUnreachable } from "@/lib/chain/errors";
import {
  broadcast,
  failWrite,
  memoryOf,
  messageOf,
  type SenderContext,
  type SenderRow,
} from "./context";
import { signReplacement } from "./sign";

// A signed write waits for a receipt under any of the hashes it was signed under. While it waits,
// the sender checks it less and less often (100 ms, 200 ms, … 10 s) and sends the same bytes again each
// time, in case the node dropped them; after a few blocks without a receipt it signs the same call at
// the same nonce with a higher fee; and when the chain has moved past its nonce with none of its
// hashes mined, the nonce was used by a transaction sent elsewhere with the organisation's key.

const DEFAULT_REPLACE_AFTER_BLOCKS = 3;
/** Fees rise 12.5 % a replacement: ten of them is about 3× the first fee, and there it stops. */
const MAX_REPLACEMENTS = 10;

export const NONCE_USED_ELSEWHERE =
  "This was not recorded: your organisation's ledger account used the same transaction number for a transaction sent outside LotLedger. Record it again; if it happens again, ask your LotLedger administrator to make sure the organisation's key is used by LotLedger only.";

/** Settles the signed writes that are due for a check; returns how many moved. */
export async function settleSignedWrites(ctx: SenderContext, rows: SenderRow[]): Promise<number> {
  const memory = memoryOf(ctx);
  const due = rows.filter((row) => (memory.waits.get(row.id)?.nextCheckAt ?? 0) <= Date.now());
  if (due.length === 0) return 0;
  const head = await ctx.provider.getBlockNumber();
  // Every signer's writes at once: one nonce read per signer, the receipts side by side.
  const moved = await Promise.all(
    [...bySigner(due)].map(async ([signer, writes]) => {
      // Read before the receipts: a write mined in between is then found by its receipt, not taken
      // for a nonce used elsewhere.
      const minedNonces = await ctx.provider.getTransactionCount(signer, "latest");
      const settled = await Promise.all(
        writes.map((row) =>
          settleOne(ctx, row, { head, minedNonces }).catch((error: unknown) => {
            if (isLedgerUnreachable(error)) throw error;
            ctx.log?.(
              `sender: could not check write ${row.id} (${messageOf(error)}); trying again later`,
            );
            waitLonger(ctx, row.id);
            return 0;
          }),
        ),
      );
      return settled.reduce((sum, n) => sum + n, 0);
    }),
  );
  return moved.reduce((sum, n) => sum + n, 0);
}

async function settleOne(
  ctx: SenderContext,
  row: SenderRow,
  { head, minedNonces }: { head: number; minedNonces: number },
): Promise<number> {
  const hashes = row.sentHashes.length > 0 ? row.sentHashes : [row.txHash as string];
  const receipts = await Promise.all(
    hashes.map((hash) => ctx.provider.getTransactionReceipt(hash)),
  );
  for (const [i, receipt] of receipts.entries()) {
    const hash = hashes[i] as string;
    if (!receipt) continue;
    memoryOf(ctx).waits.delete(row.id);
    if (receipt.status !== 1) {
      await failWrite(ctx, row, "The ledger refused the transaction when it was mined.", {
        txHash: hash,
        blockNumber: receipt.blockNumber,
      });
      return 1;
    }
    await ctx.db.ledgerTransaction.update({
      where: { id: row.id },
      data: { status: "CONFIRMED", txHash: hash, blockNumber: receipt.blockNumber, error: null },
    });
    return 1;
  }
  const wait = memoryOf(ctx).waits.get(row.id);
  if (minedNonces > (row.nonce as number)) {
    // Seen twice, a check apart: a lagging node behind a load balancer can answer one such pair.
    if (wait?.isNonceTaken) {
      await failWrite(ctx, row, NONCE_USED_ELSEWHERE);
      memoryOf(ctx).waits.delete(row.id);
      return 1;
    }
    waitLonger(ctx, row.id).isNonceTaken = true;
    return 0;
  }
  const replaceAfter = ctx.replaceAfterBlocks ?? DEFAULT_REPLACE_AFTER_BLOCKS;
  const sentAt = row.sentAtBlock ?? head;
  if (head >= sentAt + replaceAfter && hashes.length <= MAX_REPLACEMENTS) {
    await replaceWithHigherFee(ctx, row, head);
    return 1;
  }
  if (row.sentAtBlock === null) {
    await ctx.db.ledgerTransaction.update({ where: { id: row.id }, data: { sentAtBlock: head } });
  }
  await broadcast(ctx, row.rawTransaction as string);
  waitLonger(ctx, row.id).isNonceTaken = false;
  return 0;
}

/** Signs the same call at the same nonce with a higher fee, keeps it beside the earlier hashes, sends it. */
async function replaceWithHigherFee(
  ctx: SenderContext,
  row: SenderRow,
  head: number,
): Promise<void> {
  const wallet = await ctx.signerOf(row.organizationId);
  const fees = await ctx.provider.getFeeData();
  const replacement = await signReplacement(wallet, row.rawTransaction as string, fees);
  const hashes = row.sentHashes.length > 0 ? row.sentHashes : [row.txHash as string];
  // Saved before it is sent, as the first version was: whichever version is mined settles the write.
  await ctx.db.ledgerTransaction.update({
    where: { id: row.id, status: "SIGNED" },
    data: {
      rawTransaction: replacement.rawTransaction,
      txHash: replacement.txHash,
      sentHashes: [...hashes, replacement.txHash],
      sentAtBlock: head,
    },
  });
  ctx.log?.(
    `sender: write ${row.id} was not mined in ${head - (row.sentAtBlock ?? head)} blocks; sent again at nonce ${row.nonce} with a higher fee as ${replacement.txHash}`,
  );
  memoryOf(ctx).waits.delete(row.id);
  await broadcast(ctx, replacement.rawTransaction);
}

function bySigner(rows: SenderRow[]): Map<string, SenderRow[]> {
  const groups = new Map<string, SenderRow[]>();
  for (const row of rows)
    groups.set(row.signerAddress, [...(groups.get(row.signerAddress) ?? []), row]);
  return groups;
}

/** The next check of a write comes later each time: 100 ms, 200 ms, 400 ms, … up to 10 s. */
function waitLonger(ctx: SenderContext, rowId: string) {
  const waits = memoryOf(ctx).waits;
  const wait = waits.get(rowId) ?? { count: 0, nextCheckAt: 0, isNonceTaken: false };
  const { firstMs, maxMs } = ctx.checkBackoff ?? { firstMs: 100, maxMs: 10_000 };
  wait.nextCheckAt = Date.now() + Math.min(maxMs, firstMs * 2 ** wait.count);
  wait.count += 1;
  waits.set(rowId, wait);
  return wait;
}
