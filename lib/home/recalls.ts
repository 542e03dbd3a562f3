import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findRecalls, getRecall } from "@/lib/recall";

/** An open recall with how far it has come, and the member's own stock held back by it. */
export type OpenRecall = {
  id: string;
  lotCode: string;
  gtin: string;
  reason: string;
  severity: string;
  createdAt: Date;
  isAwaitingUs: boolean;
  acknowledged: { done: number; total: number };
  /** Of the stock in scope, the share accounted for (lib/recall's effectiveness), rounded down. */
  percent: number;
  /** The member's organisation's stock in the scope: on hold until it reports what became of it. */
  holds: Hold[];
};

export type Hold = {
  lotId: string;
  lotCode: string;
  gtin: string;
  quantity: string | null;
  unit: string | null;
  accounted: string;
  isAccounted: boolean;
};

/** How many open recalls a home shows in full (each costs a trace of its scope). */
const OPEN_RECALLS_SHOWN = 5;

/**
 * The recalls the member follows that are still in force (recorded, neither closed nor lifted),
 * those awaiting its acknowledgement first, with their progress.
 */
export async function findOpenRecalls({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<{ items: OpenRecall[]; total: number }> {
  const open = (await findRecalls({ db, member })).filter(
    (recall) =>
      recall.closedAt === null &&
      recall.ledgerStatus !== "FAILED" &&
      recall.liftStatus !== "CONFIRMED",
  );
  open.sort((a, b) => Number(b.isAwaitingUs) - Number(a.isAwaitingUs));
  const views = await Promise.all(
    open
      .slice(0, OPEN_RECALLS_SHOWN)
      .map((recall) => getRecall({ db, member, recallId: recall.id })),
  );
  const items = open.slice(0, OPEN_RECALLS_SHOWN).map((recall, i) => {
    const view = views[i];
    const ours = (view?.effectiveness.lots ?? []).filter(
      (lot) => lot.holder.organizationId === member.organization.id,
    );
    return {
      id: recall.id,
      lotCode: recall.lotCode,
      gtin: recall.gtin,
      reason: recall.reason,
      severity: recall.severity,
      createdAt: recall.createdAt,
      isAwaitingUs: recall.isAwaitingUs,
      acknowledged: recall.acknowledged,
      percent: view?.progress.percent ?? 0,
      holds: ours.map((lot) => ({
        lotId: lot.lotId,
        lotCode: lot.lotCode,
        gtin: lot.gtin,
        quantity: lot.quantity,
        unit: lot.unit,
        accounted: lot.accounted,
        isAccounted: lot.isAccounted,
      })),
    };
  });
  return { items, total: open.length };
}
