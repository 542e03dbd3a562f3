import "server-only";
import type { Db, Tx } from "@/lib/db/client";

export type RecallProgress = {
  organizations: { acknowledged: number; total: number };
  packages: { removed: number; total: number };
  /** Acknowledgements and removals done, of all there are to do, rounded down: 100 only when done. */
  percent: number;
  isComplete: boolean;
};

/** How far a recall has come: organisations that acknowledged it, packages in scope off the shelf. */
export async function getRecallProgress(
  db: Db | Tx,
  { recallId, stockLotIds }: { recallId: string; stockLotIds: string[] },
): Promise<RecallProgress> {
  const [acknowledged, organizations, removed, packages] = await Promise.all([
    db.recallAcknowledgement.count({ where: { recallId, acknowledgedAt: { not: null } } }),
    db.recallAcknowledgement.count({ where: { recallId } }),
    db.package.count({ where: { lotId: { in: stockLotIds }, removedAt: { not: null } } }),
    db.package.count({ where: { lotId: { in: stockLotIds } } }),
  ]);
  const done = acknowledged + removed;
  const total = organizations + packages;
  const isComplete = done === total;
  return {
    organizations: { acknowledged, total: organizations },
    packages: { removed, total: packages },
    percent: isComplete ? 100 : Math.floor((done / total) * 100),
    isComplete,
  };
}

/**
 * Serialises changes to one recall's progress (row lock until the transaction ends), so that of two
 * last steps taken at once, the second sees the first and closes the recall.
 */
export async function lockRecall(tx: Tx, recallId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Recall" WHERE id = ${recallId} FOR UPDATE`;
}

/**
 * Closes the recall once it is complete and the ledger has recorded it (a recall the ledger might
 * still refuse is not closed). Returns the progress it judged by.
 */
export async function closeIfComplete(
  tx: Tx,
  recall: { id: string; ledgerTransactionId: string; stockLotIds: string[] },
): Promise<RecallProgress> {
  const progress = await getRecallProgress(tx, {
    recallId: recall.id,
    stockLotIds: recall.stockLotIds,
  });
  if (!progress.isComplete) return progress;
  const write = await tx.ledgerTransaction.findUnique({
    where: { id: recall.ledgerTransactionId },
    select: { status: true },
  });
  if (write?.status === "CONFIRMED") {
    await tx.recall.updateMany({
      where: { id: recall.id, closedAt: null },
      data: { closedAt: new Date() },
    });
  }
  return progress;
}
