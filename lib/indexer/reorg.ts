import type { JsonRpcProvider } from "ethers";
import type { Db } from "@/lib/db/client";
import { rebuildLots } from "./rebuild";

/**
 * True when the block the checkpoint names is no longer on the chain: a reorganisation replaced it,
 * or the node lost recent blocks (an embedded chain killed between two state saves).
 */
export async function isCheckpointOrphaned(
  db: Db,
  provider: JsonRpcProvider,
  chainId: number,
): Promise<boolean> {
  const checkpoint = await db.indexerCheckpoint.findUnique({ where: { chainId } });
  if (!checkpoint) return false;
  const block = await provider.getBlock(checkpoint.blockNumber);
  return block?.hash !== checkpoint.blockHash;
}

/**
 * Rolls the read model back to the newest block both the database and the chain still agree on:
 * deletes the events of the abandoned branch, rebuilds the lots they touched from the events that
 * remain, and moves the checkpoint there; the next batches replay the new branch. Returns that block.
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
      await tx.ledgerEvent.deleteMany({ where: { chainId, blockNumber: { gt: ancestor } } });
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
