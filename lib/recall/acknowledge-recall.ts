import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { closeIfComplete, lockRecall, type RecallProgress } from "./progress";
import { requireRecallInForce, stockLotIdsOf } from "./recall-in-force";

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
    }
    const progress = await closeIfComplete(tx, { ...recall, stockLotIds });
    return { acknowledgedAt, progress };
  });
}
