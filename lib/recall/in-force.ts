import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findRecalledAncestor } from "@/lib/trace";

export type RecallInForce = {
  id: string;
  lotId: string;
  gtin: string;
  lotCode: string;
  ledgerTransactionId: string;
  /** PENDING or SIGNED: on its way to the ledger; CONFIRMED: recorded on it. */
  ledgerStatus: "PENDING" | "SIGNED" | "CONFIRMED";
  closedAt: Date | null;
  liftLedgerTransactionId: string | null;
  liftReason: string | null;
};

const SELECT = {
  id: true,
  lotId: true,
  gtin: true,
  lotCode: true,
  ledgerTransactionId: true,
  closedAt: true,
  liftLedgerTransactionId: true,
  liftReason: true,
} as const;

/**
 * A recall, unless the ledger refused to record it (then it never was in force). `lotId` finds the
 * newest recall of that lot: a refused one can be followed by another.
 */
async function findRecallInForce(
  db: Db,
  where: { id: string } | { lotId: string },
): Promise<RecallInForce | null> {
  const recalls = await db.recall.findMany({
    where,
    select: SELECT,
    orderBy: { createdAt: "desc" },
  });
  const writes = await db.ledgerTransaction.findMany({
    where: { id: { in: recalls.map((r) => r.ledgerTransactionId) }, status: { not: "FAILED" } },
    select: { id: true, status: true },
  });
  const statuses = new Map(writes.map((w) => [w.id, w.status]));
  const recall = recalls.find((r) => statuses.has(r.ledgerTransactionId));
  if (!recall) return null;
  const ledgerStatus = statuses.get(recall.ledgerTransactionId) as RecallInForce["ledgerStatus"];
  return { ...recall, ledgerStatus };
}

/**
 * The recall by id, or the sentence that it does not exist (or never came into force), or that the
 * ledger has lifted it.
 */
export async function requireRecallInForce(db: Db, recallId: string): Promise<RecallInForce> {
  const recall = await findRecallInForce(db, { id: recallId });
  if (!recall) {
    throw new AppError(
      "NOT_FOUND",
      "There is no such recall in force: open the recalls page to see the current ones.",
    );
  }
  if ((await liftStatusesOf(db, [recall])).get(recall.id) === "CONFIRMED") {
    throw liftedRecall(recall.liftReason);
  }
  return recall;
}

/**
 * The recall covering a lot — of the lot itself, or of a lot it was made from — or null. `id` is null
 * when the ledger shows the recall but LotLedger did not start it (another deployment did).
 */
export async function findRecallOf({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<{ id: string | null; lotId: string; lotCode: string } | null> {
  const recalled = await findRecalledAncestor({ db, lotId });
  if (!recalled) return null;
  const recall = await findRecallInForce(db, { lotId: recalled.lotId });
  return { id: recall?.id ?? null, lotId: recalled.lotId, lotCode: recalled.lotCode };
}

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
function liftedRecall(reason: string | null): AppError {
  return new AppError(
    "CONFLICT",
    `This recall was lifted: ${reason?.replace(/[.\s]+$/, "") ?? "see its page"} — there is nothing more to do for it.`,
  );
}
