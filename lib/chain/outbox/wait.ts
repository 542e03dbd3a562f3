import type { Db } from "@/lib/db/client";

export type LedgerWriteState =
  | { status: "PENDING" | "SIGNED"; txHash: string | null }
  | { status: "CONFIRMED"; txHash: string; blockNumber: number; isIndexed: boolean }
  | { status: "FAILED"; error: string };

/**
 * Waits up to `timeoutMs` for a queued write to be mined and read into the database (`isIndexed`
 * says whether the read model has reached a block), or to fail, and returns where it stands then: a
 * page can say "recorded", "failed: why", or honestly "still pending".
 */
export async function waitForLedgerWrite(
  db: Db,
  {
    id,
    timeoutMs,
    isIndexed,
  }: { id: string; timeoutMs: number; isIndexed: (blockNumber: number) => Promise<boolean> },
): Promise<LedgerWriteState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.ledgerTransaction.findUniqueOrThrow({
      where: { id },
      select: { status: true, txHash: true, blockNumber: true, error: true },
    });
    if (row.status === "FAILED")
      return { status: "FAILED", error: row.error ?? "The ledger refused it." };
    if (row.status === "CONFIRMED" && row.txHash && row.blockNumber !== null) {
      const hasIndexed = await isIndexed(row.blockNumber);
      if (hasIndexed || Date.now() > deadline) {
        return {
          status: "CONFIRMED",
          txHash: row.txHash,
          blockNumber: row.blockNumber,
          isIndexed: hasIndexed,
        };
      }
    } else if (Date.now() > deadline) {
      return { status: row.status as "PENDING" | "SIGNED", txHash: row.txHash };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
