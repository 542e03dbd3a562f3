import type { JsonRpcProvider } from "ethers";
import type { Db } from "@/lib/db/client";
import { rebuildLots } from "./rebuild";
import { rollBackColdChain } from "./roll-back-cold-chain";
import { rollBackLogistics } from "./roll-back-logistics";

export type CheckpointState = "intact" | "orphaned" | "behind";

/** When each chain's node was first seen without the checkpoint's block (see checkCheckpoint). */
const behindSince = new Map<number, number>();

/**
 * Whether the block the checkpoint names is still on the chain: "orphaned" when a reorganisation
 * replaced it or the node lost recent blocks (an embedded chain killed between two state saves).
 * A node that answers no block at all for that height is "behind": a node behind a load balancer
 * lags the one read before, and that is no reason to throw the read model away. It counts as having
 * lost those blocks only once it shows a different block where the read model holds an event, or
 * stays behind for longer than `lagGraceMs`.
 */
export async function checkCheckpoint(
  db: Db,
  provider: JsonRpcProvider,
  {
    chainId,
    lagGraceMs,
    log,
  }: { chainId: number; lagGraceMs: number; log?: (line: string) => void },
): Promise<CheckpointState> {
  const checkpoint = await db.indexerCheckpoint.findUnique({ where: { chainId } });
  if (!checkpoint) return "intact";
  const block = await provider.getBlock(checkpoint.blockNumber);
  if (block) {
    behindSince.delete(chainId);
    return block.hash === checkpoint.blockHash ? "intact" : "orphaned";
  }
  const head = await provider.getBlockNumber();
  const newest = await db.ledgerEvent.findFirst({
    where: { chainId, blockNumber: { lte: head } },
    orderBy: { blockNumber: "desc" },
    select: { blockNumber: true, blockHash: true },
  });
  const hashThere = newest && (await provider.getBlock(newest.blockNumber))?.hash;
  const since = behindSince.get(chainId) ?? Date.now();
  if (!behindSince.has(chainId)) {
    log?.(
      `indexer: the node has no block ${checkpoint.blockNumber} (its head is ${head}); waiting for it to catch up`,
    );
  }
  behindSince.set(chainId, since);
  if ((hashThere && hashThere !== newest.blockHash) || Date.now() - since >= lagGraceMs) {
    behindSince.delete(chainId);
    return "orphaned";
  }
  return "behind";
}

/**
 * Rolls the read model back to the newest block both the database and the chain still agree on:
 * deletes the events of the abandoned branch, undoes the shipments and logistic units it opened,
 * answered or unpacked and the devices, rules and holds it changed, rebuilds the lots it touched
 * from the events that remain, and moves the checkpoint there; the next batches replay the new
 * branch. Returns that block.
 */
export async function rollBackToCommonAncestor(
  db: Db,
  provider: JsonRpcProvider,
  { chainId, startBlock }: { chainId: number; startBlock: number },
): Promise<number> {
  const eventBlocks = await db.ledgerEvent.findMany({
    where: { chainId },
    distinct: ["blockNumber", "blockHash"],
    orderBy: { blockNumber: "desc" },
    select: { blockNumber: true, blockHash: true },
  });
  let ancestor = startBlock - 1;
  for (const { blockNumber, blockHash } of eventBlocks) {
    if ((await provider.getBlock(blockNumber))?.hash === blockHash) {
      ancestor = blockNumber;
      break;
    }
  }
  const ancestorHash = ancestor >= 0 ? ((await provider.getBlock(ancestor))?.hash ?? null) : null;
  await db.$transaction(
    async (tx) => {
      const abandoned = await tx.ledgerEvent.findMany({
        where: { chainId, blockNumber: { gt: ancestor } },
        select: { lotId: true },
        distinct: ["lotId"],
      });
      await rollBackLogistics(tx, chainId, ancestor);
      await rollBackColdChain(tx, chainId, ancestor);
      await tx.ledgerEvent.deleteMany({ where: { chainId, blockNumber: { gt: ancestor } } });
      await tx.quarantinedEvent.deleteMany({ where: { chainId, blockNumber: { gt: ancestor } } });
      await rebuildLots(tx, chainId, abandoned.map((event) => event.lotId).filter(Boolean));
      if (ancestorHash) {
        await tx.indexerCheckpoint.update({
          where: { chainId },
          data: { blockNumber: ancestor, blockHash: ancestorHash },
        });
      } else {
        await tx.indexerCheckpoint.delete({ where: { chainId } });
      }
    },
    { timeout: 120_000 },
  ); // a deep rollback rebuilds many lots: Prisma's 5 s default is too short
  return ancestor;
}
