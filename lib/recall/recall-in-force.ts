import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findRecalledAncestor, getRecallScope, type RecallScope } from "@/lib/trace";
import { liftedRecall, liftStatusesOf } from "./lift-state";

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
export async function findRecallInForce(
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
 * The lots of a scope that are stock, as lib/trace counts them: all but those used up in a split,
 * merge or transformation of the scope (their goods are the lots made from them). Their packages
 * are what must come off the shelves.
 */
export function stockLotIds(scope: Pick<RecallScope, "lots" | "links">): string[] {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  return scope.lots.filter((lot) => !usedUp.has(lot.id)).map((lot) => lot.id);
}

/** The stock lots in the recall's scope now (the recalled lot and every lot made from it). */
export async function stockLotIdsOf(db: Db, recall: { lotId: string }): Promise<string[]> {
  const scope = await getRecallScope({ db, lotId: recall.lotId });
  return scope ? stockLotIds(scope) : [recall.lotId];
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
