import type { JsonRpcProvider } from "ethers";
import type { Db } from "@/lib/db/client";
import { getIndexedBlock } from "@/lib/indexer/indexer";

/**
 * Waits until the outbox has nothing unfinished and the indexer has reached the chain's head, four
 * times in a row a second apart: longer than the sender's 2 s re-check of recent confirmations, which
 * reopens a write whose block the chain lost.
 */
export async function waitUntilSettled(
  db: Db,
  provider: JsonRpcProvider,
  chainId: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let calmChecks = 0;
  while (calmChecks < 4) {
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
