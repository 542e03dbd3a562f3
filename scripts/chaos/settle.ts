import type { JsonRpcProvider } from "ethers";
import type { Db } from "@/lib/db/client";
import { getIndexedBlock } from "@/lib/indexer/checkpoint";

/**
 * Waits until the outbox has nothing unfinished and the indexer has reached the chain's head, twice
 * in a row a second apart (a re-broadcast after a lost block can reopen a write).
 */
export async function waitUntilSettled(
  db: Db,
  provider: JsonRpcProvider,
  chainId: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let calmChecks = 0;
  while (calmChecks < 2) {
    if (Date.now() > deadline)
      throw new Error(`LotLedger did not settle within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    try {
      const [unfinished, head, indexed] = await Promise.all([
        db.ledgerTransaction.count({ where: { status: { in: ["PENDING", "SIGNED"] } } }),
        provider.getBlockNumber(),
        getIndexedBlock(db, chainId),
      ]);
      calmChecks = unfinished === 0 && indexed >= head ? calmChecks + 1 : 0;
    } catch {
      calmChecks = 0; // the chain is restarting
    }
  }
}
