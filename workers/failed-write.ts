import type { Tx } from "@/lib/db/client";

/**
 * What the sender does, in the same database transaction, when the ledger refuses a write: the
 * packages commissioned with a lot creation, split or transformation (lib/events/ledger-write.ts)
 * exist only if the write that anchors their serials' root does. Left behind, they would count as
 * the lot's units, answer scans of labels for a lot the ledger never recorded, and, were the lot code
 * used again, be counted into the new lot's packages and break every label's Merkle proof. Removed,
 * the lot page says what is true: that lot was not recorded, so it has no packages.
 */
export async function removeWhatAFailedWriteMade(tx: Tx, writeId: string): Promise<void> {
  await tx.package.deleteMany({ where: { ledgerTransactionId: writeId } });
}
