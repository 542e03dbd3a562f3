import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export type LiftStatus = "PENDING" | "SIGNED" | "CONFIRMED" | "FAILED";

/**
 * Where each recall's lift stands, by recall id: on its way to the ledger, lifted (CONFIRMED), or
 * refused (FAILED, and the recall is still in force). Recalls nobody lifted are not in the map.
 */
export async function liftStatusesOf(
  db: Db,
  recalls: { id: string; liftLedgerTransactionId: string | null }[],
): Promise<Map<string, LiftStatus>> {
  const ids = recalls.flatMap((r) => r.liftLedgerTransactionId ?? []);
  if (ids.length === 0) return new Map();
  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true },
  });
  const statuses = new Map(writes.map((w) => [w.id, w.status]));
  return new Map(
    recalls.flatMap((r) => {
      const status = r.liftLedgerTransactionId && statuses.get(r.liftLedgerTransactionId);
      return status ? [[r.id, status] as const] : [];
    }),
  );
}

/** The refusal of any further step (acknowledging, marking removed) in a recall that was lifted. */
export function liftedRecall(reason: string | null): AppError {
  return new AppError(
    "CONFLICT",
    `This recall was lifted: ${reason?.replace(/[.\s]+$/, "") ?? "see its page"} — there is nothing more to do for it.`,
  );
}
