import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { closeIfComplete, lockRecall, type RecallProgress } from "./progress";
import { findRecallOf, requireRecallInForce, stockLotIdsOf } from "./recall-in-force";

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
 * organisation holding it, and links the removal to the recall. Marking it again changes nothing.
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
  const [item, lot] = await Promise.all([
    db.package.findUnique({ where: { lotId_serial: { lotId, serial } }, select: { id: true } }),
    db.lot.findUnique({
      where: { id: lotId },
      select: { lotCode: true, custodian: true, recipient: true },
    }),
  ]);
  if (!item || !lot) {
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
  const ours = member.organization.chainAddress.toLowerCase();
  if (lot.custodian.toLowerCase() !== ours && lot.recipient?.toLowerCase() !== ours) {
    throw new AppError(
      "FORBIDDEN",
      `Package ${serial} belongs to lot ${lot.lotCode}, which ${member.organization.name} does not hold: only its holder marks it removed.`,
    );
  }
  const stockLotIds = await stockLotIdsOf(db, recall);
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
    }
    const progress = await closeIfComplete(tx, { ...recall, stockLotIds });
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
