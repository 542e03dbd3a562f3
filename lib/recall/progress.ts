import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { getRecallScope, type RecallScope } from "@/lib/trace";
import { getRecallEffectiveness, type UnitTotal } from "./effectiveness";
import { requireRecallInForce } from "./in-force";

export type RecallProgress = {
  organizations: { acknowledged: number; total: number };
  packages: { removed: number; total: number };
  /** Per unit, the quantity in scope and how much of it its holders accounted for. */
  quantities: UnitTotal[];
  /** The quantity accounted for, of the quantity in scope, rounded down: 100 only when done. */
  percent: number;
  /** Every holder has accounted for all its stock in the scope: the recall closes. */
  isComplete: boolean;
};

type ScopeLots = Pick<RecallScope, "lots" | "links">;

/**
 * The lots of a scope that are stock, as lib/trace counts them: all but those used up in a split,
 * merge or transformation of the scope (their goods are the lots made from them). Their packages
 * are what must come off the shelves.
 */
export function stockLotIds(scope: Pick<RecallScope, "lots" | "links">): string[] {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  return scope.lots.filter((lot) => !usedUp.has(lot.id)).map((lot) => lot.id);
}

/** The recall's scope now (the recalled lot and every lot made from it). */
export async function scopeOf(db: Db, recall: { lotId: string }): Promise<RecallScope> {
  const scope = await getRecallScope({ db, lotId: recall.lotId });
  if (!scope) throw new Error(`The read model has no lot ${recall.lotId}, recalled in LotLedger.`);
  return scope;
}

export type ScopeHolder = {
  organizationId: string;
  name: string;
  gln: string;
  /** The lots in scope it holds or is receiving (or, for others concerned, held or produced). */
  lots: { id: string; gtin: string; lotCode: string; status: string; isSource?: boolean }[];
};

/**
 * The organisations of LotLedger that hold stock in the scope (lib/trace's holders: of a lot not
 * used up in the scope, its custodian, or its recipient while it is in transit), with those lots. A
 * custodian the database does not know (an account of another deployment) cannot sign in to
 * acknowledge, so it is left out here and shown by its address on the scope page.
 */
export async function scopeOrganizations(db: Db, scope: RecallScope): Promise<ScopeHolder[]> {
  const addresses = scope.organizations.map((holder) => holder.address);
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: addresses, mode: "insensitive" } },
    select: { id: true, name: true, gln: true, chainAddress: true },
    orderBy: { name: "asc" },
  });
  const stock = new Set(stockLotIds(scope));
  const lotsById = new Map(scope.lots.map((lot) => [lot.id, lot]));
  const holders = organizations.map((organization) => {
    const holder = scope.organizations.find(
      (h) => h.address.toLowerCase() === organization.chainAddress.toLowerCase(),
    );
    const lots = (holder?.lotIds ?? []).flatMap((id) => {
      const lot = lotsById.get(id);
      return lot && stock.has(id)
        ? [{ id, gtin: lot.gtin, lotCode: lot.lotCode, status: lot.status }]
        : [];
    });
    return {
      organizationId: organization.id,
      name: organization.name,
      gln: organization.gln,
      lots,
    };
  });
  return holders.filter((holder) => holder.lots.length > 0);
}

/**
 * How far a recall has come: organisations that acknowledged it, packages in scope off the shelf,
 * and — what closes it — the quantity of its stock its holders accounted for (effectiveness.ts).
 */
export async function getRecallProgress(
  db: Db | Tx,
  { recallId, scope }: { recallId: string; scope: ScopeLots },
): Promise<RecallProgress> {
  const [acknowledged, organizations, effectiveness] = await Promise.all([
    db.recallAcknowledgement.count({ where: { recallId, acknowledgedAt: { not: null } } }),
    db.recallAcknowledgement.count({ where: { recallId } }),
    getRecallEffectiveness(db, { recallId, scope }),
  ]);
  const count = (pick: (p: { removed: number; total: number }) => number) =>
    effectiveness.lots.reduce((sum, lot) => sum + pick(lot.packages), 0);
  return {
    organizations: { acknowledged, total: organizations },
    packages: { removed: count((p) => p.removed), total: count((p) => p.total) },
    quantities: effectiveness.quantities,
    percent: effectiveness.percent,
    isComplete: effectiveness.isComplete,
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
  recall: { id: string; ledgerTransactionId: string; scope: ScopeLots },
): Promise<RecallProgress> {
  const progress = await getRecallProgress(tx, { recallId: recall.id, scope: recall.scope });
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

/**
 * The member's organisation confirms it has the recall (and, holding stock, is taking it off sale).
 * Done once per organisation; acknowledging again changes nothing. It closes a recall only whose
 * stock has no quantity or packages to count (effectiveness.ts).
 */
export async function acknowledgeRecall({
  db,
  member,
  recallId,
}: {
  db: Db;
  member: Member;
  recallId: string;
}): Promise<{ acknowledgedAt: Date; progress: RecallProgress }> {
  assertCanRecord(member, "acknowledge the recall");
  const recall = await requireRecallInForce(db, recallId);
  const scope = await scopeOf(db, recall);
  return db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    const acknowledgement = await tx.recallAcknowledgement.findUnique({
      where: { recallId_organizationId: { recallId, organizationId: member.organization.id } },
      select: { id: true, acknowledgedAt: true },
    });
    if (!acknowledgement) {
      throw new AppError(
        "FORBIDDEN",
        `${member.organization.name} held no stock of lot ${recall.lotCode} or what was made from it, so it has nothing to acknowledge.`,
      );
    }
    const acknowledgedAt = acknowledgement.acknowledgedAt ?? new Date();
    if (!acknowledgement.acknowledgedAt) {
      await tx.recallAcknowledgement.update({
        where: { id: acknowledgement.id },
        data: { acknowledgedAt, acknowledgedById: member.userId },
      });
      await recordAudit(tx, member, {
        action: "ACKNOWLEDGED_RECALL",
        summary: `Acknowledged the recall of lot ${recall.lotCode}`,
        recallId,
        lotId: recall.lotId,
        lotCode: recall.lotCode,
      });
    }
    const progress = await closeIfComplete(tx, { ...recall, scope });
    return { acknowledgedAt, progress };
  });
}
