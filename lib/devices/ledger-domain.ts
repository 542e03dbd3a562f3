import "server-only";
import type { TypedDataDomain } from "ethers";
import { readingBatchDomain } from "@/lib/chain/reading-batch";
import type { Db, Tx } from "@/lib/db/client";

/** The chain LotLedger writes to, as the stack recorded its LotTracker deployment. */
export type LedgerDeployment = { chainId: number; address: string };

/**
 * The LotTracker deployment on `chainId`, or the latest one: a device signs for one contract on one
 * chain (its EIP-712 domain), and a device registered here is registered on that chain.
 */
export async function findLedgerDeployment(
  db: Db | Tx,
  chainId?: number,
): Promise<LedgerDeployment> {
  const deployment = await db.contractDeployment.findFirst({
    where: chainId === undefined ? {} : { chainId },
    orderBy: { createdAt: "desc" },
    select: { chainId: true, address: true },
  });
  // The stack records the deployment before it serves a request: its absence is a broken install.
  if (!deployment) throw new Error(`No LotTracker deployment is recorded for chain ${chainId}.`);
  return deployment;
}

/** The EIP-712 domain a device's batches for lots on `chainId` are signed under. */
export async function readingBatchDomainOf(db: Db | Tx, chainId: number): Promise<TypedDataDomain> {
  const { address } = await findLedgerDeployment(db, chainId);
  return readingBatchDomain(chainId, address);
}
