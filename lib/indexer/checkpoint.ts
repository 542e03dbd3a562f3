import type { Db } from "@/lib/db/client";

/** The last block the indexer has fully applied for a chain, or -1 before its first batch. */
export async function getIndexedBlock(db: Db, chainId: number): Promise<number> {
  const checkpoint = await db.indexerCheckpoint.findUnique({
    where: { chainId },
    select: { blockNumber: true },
  });
  return checkpoint?.blockNumber ?? -1;
}
