import "server-only";
import type { Db } from "@/lib/db/client";
import type { LiftStatus } from "./lift-state";

export type RecallLiftView = {
  status: LiftStatus;
  reason: string;
  liftedBy: string;
  /** When the ledger recorded it (the write's last change), or when it was asked for. */
  at: Date;
  txHash: string | null;
  /** The ledger's reason for refusing it. */
  error: string | null;
};

/** Where the lifting of a recall stands, or null when nobody has asked to lift it. */
export async function getRecallLift(
  db: Db,
  recall: { liftLedgerTransactionId: string | null; liftReason: string | null },
): Promise<Omit<RecallLiftView, "liftedBy"> | null> {
  if (!recall.liftLedgerTransactionId) return null;
  const write = await db.ledgerTransaction.findUniqueOrThrow({
    where: { id: recall.liftLedgerTransactionId },
    select: { status: true, txHash: true, error: true, updatedAt: true },
  });
  return {
    status: write.status,
    reason: recall.liftReason ?? "",
    at: write.updatedAt,
    txHash: write.txHash,
    error: write.error,
  };
}
