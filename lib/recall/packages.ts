import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { canSeeLot } from "@/lib/lots/visibility";
import { findRecallOf, requireRecallInForce } from "./in-force";
import { closeIfComplete, lockRecall, type RecallProgress, scopeOf } from "./progress";

export type PackageRemoval = {
  recallId: string;
  serial: string;
  removedAt: Date;
  /** It had been marked removed before: nothing changed now. */
  wasAlreadyRemoved: boolean;
  progress: RecallProgress;
};

/**
 * Marks one package of a recalled lot (or of a lot made from one) as taken off the shelf, by the
 * organisation holding it, and links the removal to the recall: one way of reporting its share of
 * the lot's quantity as removed from sale (effectiveness.ts). Marking it again changes nothing. A
 * member who may not see the lot is told there is no such package, as for a serial nobody printed.
 */
export async function removePackage({
  db,
  member,
  lotId,
  serial,
  recallId,
}: {
  db: Db;
  member: Member;
  lotId: string;
  serial: string;
  /** The recall the caller means (the REST route names it); refused when the package is in another. */
  recallId?: string;
}): Promise<PackageRemoval> {
  assertCanRecord(member, "mark the package removed");
  // Whether a package is in a recall is told only to those who may see its lot (canSeeLot).
  const isVisible = await canSeeLot({ db, member, lotId });
  const [item, lot] = await Promise.all([
    db.package.findUnique({ where: { lotId_serial: { lotId, serial } }, select: { id: true } }),
    db.lot.findUnique({
      where: { id: lotId },
      select: { lotCode: true, custodian: true, recipient: true },
    }),
  ]);
  if (!isVisible || !item || !lot) {
    throw new AppError(
      "NOT_FOUND",
      `LotLedger has no package ${serial} of this lot: check the serial on the label.`,
    );
  }
  const recall = await recallCovering(db, lotId, lot.lotCode, serial);
  if (recallId !== undefined && recall.id !== recallId) {
    throw new AppError(
      "CONFLICT",
      `Package ${serial} is in the recall of lot ${recall.lotCode}, not in this one: mark it removed there.`,
    );
  }
  if (!isHeldBy(member, lot)) {
    throw new AppError(
      "FORBIDDEN",
      `Package ${serial} belongs to lot ${lot.lotCode}, which ${member.organization.name} does not hold: only its holder marks it removed.`,
    );
  }
  const scope = await scopeOf(db, recall);
  return db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    const removedAt = new Date();
    const { count } = await tx.package.updateMany({
      where: { id: item.id, removedAt: null },
      data: { removedAt, removedById: member.userId },
    });
    if (count === 1) {
      await tx.recallRemoval.create({
        data: { recallId: recall.id, packageId: item.id, removedById: member.userId },
      });
      await recordAudit(tx, member, {
        action: "REPORTED_REMOVAL",
        summary: `Took package ${serial} of lot ${lot.lotCode} off the shelf`,
        recallId: recall.id,
        lotId,
        lotCode: lot.lotCode,
        subjectId: item.id,
      });
    }
    const progress = await closeIfComplete(tx, { ...recall, scope });
    const stored = await tx.package.findUniqueOrThrow({
      where: { id: item.id },
      select: { removedAt: true },
    });
    return {
      recallId: recall.id,
      serial,
      removedAt: stored.removedAt ?? removedAt,
      wasAlreadyRemoved: count === 0,
      progress,
    };
  });
}

async function recallCovering(db: Db, lotId: string, lotCode: string, serial: string) {
  const recalled = await findRecallOf({ db, lotId });
  const recall = recalled?.id ? await requireRecallInForce(db, recalled.id) : null;
  if (!recall) {
    throw new AppError(
      "CONFLICT",
      recalled
        ? `Lot ${recalled.lotCode} was recalled on the ledger outside LotLedger: take package ${serial} off the shelf and tell the organisation that recalled it.`
        : `Package ${serial} of lot ${lotCode} is not recalled: leave it on sale.`,
    );
  }
  return recall;
}

/** Its holder marks a package removed: the lot's custodian, or its recipient while in transit. */
export function isHeldBy(
  member: Pick<Member, "organization">,
  lot: { custodian: string; recipient: string | null },
): boolean {
  const ours = member.organization.chainAddress.toLowerCase();
  return lot.custodian.toLowerCase() === ours || lot.recipient?.toLowerCase() === ours;
}

/** What the scan page adds to its full-screen recall alert. */
export type ScanRecall = {
  /** The lot the recall names: the scanned lot itself, or the lot it was made from. */
  recalledLotCode: string;
  /** The scanned package (a label with a serial), and whether this member can take it off sale. */
  package: {
    serial: string;
    isRemoved: boolean;
    canRemove: boolean;
    /** What to do instead, when this member cannot mark it removed. */
    advice: string | null;
  } | null;
};

/**
 * Whether a scanned lot is recalled — itself, or through any lot it was made from — and what the
 * member can do about the package in hand; null when it is not recalled, or when the member may not
 * see the lot (canSeeLot): recall membership is told only to those who may.
 */
export async function findScanRecall({
  db,
  member,
  lotId,
  lot,
  serial,
}: {
  db: Db;
  member: Member;
  lotId: string;
  lot: { custodian: string; recipient: string | null };
  serial: string | null;
}): Promise<ScanRecall | null> {
  if (!(await canSeeLot({ db, member, lotId }))) return null;
  const recalled = await findRecallOf({ db, lotId });
  if (!recalled) return null;
  const item =
    serial === null
      ? null
      : await db.package.findUnique({
          where: { lotId_serial: { lotId, serial } },
          select: { removedAt: true },
        });
  if (!item || serial === null) return { recalledLotCode: recalled.lotCode, package: null };
  const isHeld = isHeldBy(member, lot);
  const advice =
    recalled.id === null
      ? `Take package ${serial} off the shelf and tell the organisation that recalled lot ${recalled.lotCode}.`
      : !isHeld
        ? `Take package ${serial} off the shelf: ${member.organization.name} does not hold its lot, so tell the organisation that does.`
        : member.role === "READ_ONLY"
          ? `Take package ${serial} off the shelf and ask a colleague with staff access to mark it removed.`
          : null;
  return {
    recalledLotCode: recalled.lotCode,
    package: { serial, isRemoved: item.removedAt !== null, canRemove: advice === null, advice },
  };
}
