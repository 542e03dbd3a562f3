import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { getRecallScope, type RecallScope } from "@/lib/trace";
import { requireRecallInForce } from "./in-force";

export type RecallProgress = {
  organizations: { acknowledged: number; total: number };
  packages: { removed: number; total: number };
  /** Acknowledgements and removals done, of all there are to do, rounded down: 100 only when done. */
  percent: number;
  isComplete: boolean;
};

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

export type ScopeHolder = {
  organizationId: string;
  name: string;
  gln: string;
  /** The lots in scope it holds or is receiving. */
  lots: { id: string; gtin: string; lotCode: string; status: string }[];
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

/**
 * The member's organisation confirms it has the recall and is taking its stock off sale. Done once
 * per organisation; acknowledging again changes nothing. The last step of a recall closes it.
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
  const stockLotIds = await stockLotIdsOf(db, recall);
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
    const progress = await closeIfComplete(tx, { ...recall, stockLotIds });
    return { acknowledgedAt, progress };
  });
}
