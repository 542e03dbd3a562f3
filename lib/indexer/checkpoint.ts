import type { Db } from "@/lib/db/client";

/** The last block the indexer has fully applied for a chain, or -1 before its first batch. */
export async function getIndexedBlock(db: Db, chainId: number): Promise<number> {
  const checkpoint = await db.indexerCheckpoint.findUnique({
    where: { chainId },
    select: { blockNumber: true },
  });
  return checkpoint?.blockNumber ?? -1;
}

/** Polls until the indexer has applied `blockNumber`; false when `timeoutMs` passes first. */
export async function waitForIndexedBlock(
  db: Db,
  chainId: number,
  blockNumber: number,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while ((await getIndexedBlock(db, chainId)) < blockNumber) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
