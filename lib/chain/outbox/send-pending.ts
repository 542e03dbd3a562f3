import type { FeeData, Interface } from "ethers";
import { describeLedgerRefusal, isLedgerUnreachable } from "@/lib/chain/errors";
import { LotTracker__factory } from "@/lib/chain/generated";
import { broadcast, failWrite, memoryOf, type SenderContext, type SenderRow } from "./context";
import { feesFor, signWrite } from "./sign";

// Sends the pending writes of a pass with several of each signer in flight: the gas of every write
// is estimated at once, then each signer's writes are signed at consecutive nonces, saved, and
// broadcast without waiting for any receipt. The chain's fees and head are read once a pass, and a
// signer's next nonce is remembered between passes (checked against the chain's count each pass).
//
// Estimates are made against the latest block, which does not hold the writes still in flight. Two
// rules keep a write from being judged against a state its own earlier writes are about to change:
// - a write waits while an earlier write of the same lot is unmined (a lot created, then handed off
//   in the next request): the common dependency, ordered by the lot;
// - a refusal met while the signer has writes in flight is judged again once they are mined, and
//   the signer's later writes wait with it (a merge of a lot whose creation is still in flight).
// A refusal is final only against a chain holding every earlier write of its signer, so the
// requester reads the ledger's exact reason, and a refused write costs no gas and no nonce.

// Typed loosely: outbox rows name their method at run time.
const lotTracker: Interface = LotTracker__factory.createInterface();
/** The most pending writes one pass takes up. */
const PASS_SIZE = 200;

type Estimate = PromiseSettledResult<{ data: string; gasLimit: bigint }>;
type Pass = { fees: FeeData; head: number; signersInFlight: Set<string> };

export async function sendPending(
  ctx: SenderContext,
  retryLater: (row: SenderRow, error: unknown) => Promise<number>,
): Promise<number> {
  const { db, provider } = ctx;
  // Signers whose oldest pending write is backing off after an error: their later writes wait.
  const held = await db.ledgerTransaction.findMany({
    where: { status: "PENDING", nextAttemptAt: { gt: new Date() } },
    distinct: ["signerAddress"],
    select: { signerAddress: true },
  });
  const [pending, inFlight] = await Promise.all([
    db.ledgerTransaction.findMany({
      where: { status: "PENDING", signerAddress: { notIn: held.map((row) => row.signerAddress) } },
      orderBy: { createdAt: "asc" },
      take: PASS_SIZE,
    }),
    db.ledgerTransaction.findMany({
      where: { status: "SIGNED" },
      select: { signerAddress: true, lotId: true },
    }),
  ]);
  const busyLots = new Set(inFlight.flatMap((row) => (row.lotId ? [row.lotId] : [])));
  const picked = pending.filter((row) => {
    if (!row.lotId) return true;
    if (busyLots.has(row.lotId)) return false;
    busyLots.add(row.lotId);
    return true;
  });
  if (picked.length === 0) return 0;
  const [fees, head, estimates] = await Promise.all([
    provider.getFeeData(),
    provider.getBlockNumber(),
    Promise.allSettled(picked.map((row) => estimate(ctx, row))),
  ]);
  const unreachable = estimates.find(
    (result) => result.status === "rejected" && isLedgerUnreachable(result.reason),
  );
  if (unreachable?.status === "rejected") throw unreachable.reason;
  const pass = { fees, head, signersInFlight: new Set(inFlight.map((row) => row.signerAddress)) };
  const groups = new Map<string, { row: SenderRow; estimate: Estimate }[]>();
  picked.forEach((row, i) => {
    const group = groups.get(row.signerAddress) ?? [];
    group.push({ row, estimate: estimates[i] as Estimate });
    groups.set(row.signerAddress, group);
  });
  const moved = await Promise.all(
    [...groups].map(([signer, writes]) => sendForSigner(ctx, signer, writes, pass, retryLater)),
  );
  return moved.reduce((sum, n) => sum + n, 0);
}

async function estimate(ctx: SenderContext, row: SenderRow) {
  // Stored as typed by LedgerCall (outbox/enqueue.ts): what the generated bindings take.
  const data = lotTracker.encodeFunctionData(row.method, row.args as readonly unknown[]);
  const gasLimit = await ctx.provider.estimateGas({
    from: row.signerAddress,
    to: ctx.contractAddress,
    data,
  });
  // A margin over the estimate: state can change between estimate and inclusion.
  return { data, gasLimit: (gasLimit * 13n) / 10n };
}

/** Signs, saves and sends one signer's writes in order; stops at the first that must wait. */
async function sendForSigner(
  ctx: SenderContext,
  signer: string,
  writes: { row: SenderRow; estimate: Estimate }[],
  pass: Pass,
  retryLater: (row: SenderRow, error: unknown) => Promise<number>,
): Promise<number> {
  const nonces = memoryOf(ctx).nonces;
  const signed: string[] = [];
  let moved = 0;
  let nonce: number | null = null;
  for (const { row, estimate } of writes) {
    try {
      if (estimate.status === "rejected") {
        const refusal = describeLedgerRefusal(estimate.reason);
        if (!refusal) throw estimate.reason;
        if (pass.signersInFlight.has(signer) || signed.length > 0) break; // judged again once mined
        await failWrite(ctx, row, refusal);
        moved += 1;
        continue;
      }
      const wallet = await ctx.signerOf(row.organizationId);
      nonce ??= await nextNonce(ctx, signer);
      const write = await signWrite(wallet, {
        chainId: ctx.chainId,
        to: ctx.contractAddress,
        nonce,
        ...estimate.value,
        fees: feesFor(pass.fees),
      });
      // Saved before it is broadcast: after a crash the same bytes (same nonce, same hash) are sent again.
      await ctx.db.ledgerTransaction.update({
        where: { id: row.id, status: "PENDING" },
        data: {
          status: "SIGNED",
          nonce,
          ...write,
          sentHashes: [write.txHash],
          sentAtBlock: pass.head,
          attempts: 0,
          nextAttemptAt: null,
        },
      });
      nonce += 1;
      nonces.set(signer, nonce);
      signed.push(write.rawTransaction);
      moved += 1;
    } catch (error) {
      // Unsaved, the nonce was not used: the next pass reads it afresh rather than leave a gap.
      nonces.delete(signer);
      if (isLedgerUnreachable(error)) throw error;
      moved += await retryLater(row, error);
      break; // the signer's later writes may depend on this one
    }
  }
  // Sent together; a node orders one sender's transactions by nonce whatever order they arrive in.
  await Promise.all(signed.map((raw) => broadcast(ctx, raw)));
  return moved;
}

/**
 * The next nonce for a signer: past everything the chain has seen from it and everything the outbox
 * has signed for it (which the chain may not have seen yet, e.g. after a broadcast failed or the node
 * lost recent blocks). Only the sender signs, and one sender holds the database's lock; what it signed
 * since it took the lock it remembers, so the database is read once per hold.
 */
async function nextNonce(ctx: SenderContext, signerAddress: string): Promise<number> {
  const remembered = memoryOf(ctx).nonces.get(signerAddress);
  const [onChain, highest] = await Promise.all([
    ctx.provider.getTransactionCount(signerAddress, "pending"),
    remembered ??
      ctx.db.ledgerTransaction
        .aggregate({ where: { signerAddress, nonce: { not: null } }, _max: { nonce: true } })
        .then((found) => (found._max.nonce ?? -1) + 1),
  ]);
  return Math.max(onChain, highest);
}
