import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord } from "@/lib/lots/guards";
import { requireRecallInForce } from "./in-force";
import { isHeldBy } from "./packages";
import { closeIfComplete, lockRecall, type RecallProgress, scopeOf, stockLotIds } from "./progress";
import { DISPOSITION_KINDS, DISPOSITION_LABELS, type DispositionInput } from "./terms";

/**
 * The member's organisation reports what became of one lot of the recall's stock that it holds (or
 * is receiving): how much was removed from sale, destroyed, returned to its supplier or already
 * sold. Its report replaces its earlier one on that lot; all reports on a lot add up to at most the
 * lot's quantity, in the lot's unit. Reporting is also acknowledging the recall. The report that
 * accounts for the last of the recall's stock closes it.
 */
export async function reportDisposition({
  db,
  member,
  recallId,
  input,
}: {
  db: Db;
  member: Member;
  recallId: string;
  input: DispositionInput;
}): Promise<{ progress: RecallProgress }> {
  assertCanRecord(member, "report what became of the recalled stock");
  const recall = await requireRecallInForce(db, recallId);
  const scope = await scopeOf(db, recall);
  const lot = await db.lot.findUnique({
    where: { id: input.lotId },
    select: { lotCode: true, quantity: true, unit: true, custodian: true, recipient: true },
  });
  if (!lot || !stockLotIds(scope).includes(input.lotId)) {
    throw new AppError(
      "NOT_FOUND",
      `This recall of lot ${recall.lotCode} has no such stock: report on a lot listed on its page.`,
    );
  }
  if (!isHeldBy(member, lot)) {
    throw new AppError(
      "FORBIDDEN",
      `${member.organization.name} does not hold lot ${lot.lotCode}: only its holder reports what became of it.`,
    );
  }
  const reported = DISPOSITION_KINDS.map((kind) => ({
    kind,
    quantity: new Prisma.Decimal(input.quantities[kind]),
  }));
  const ours = reported.reduce((sum, r) => sum.add(r.quantity), new Prisma.Decimal(0));
  const organizationId = member.organization.id;
  return db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    const others = await tx.recallDisposition.aggregate({
      where: { recallId, lotId: input.lotId, organizationId: { not: organizationId } },
      _sum: { quantity: true },
    });
    const byOthers = others._sum.quantity ?? new Prisma.Decimal(0);
    if (lot.quantity !== null && ours.add(byOthers).gt(lot.quantity)) {
      throw tooMuch(lot as typeof lot & { quantity: Prisma.Decimal }, ours, byOthers);
    }
    await tx.recallDisposition.deleteMany({
      where: { recallId, lotId: input.lotId, organizationId },
    });
    await tx.recallDisposition.createMany({
      data: reported
        .filter((r) => r.quantity.gt(0))
        .map((r) => ({
          recallId,
          organizationId,
          lotId: input.lotId,
          kind: r.kind,
          quantity: r.quantity,
          unit: lot.unit,
          reportedById: member.userId,
        })),
    });
    await recordAudit(tx, member, {
      action: "REPORTED_REMOVAL",
      summary: `Reported what became of lot ${lot.lotCode}: ${reported.map((r) => `${r.quantity.toFixed()} ${DISPOSITION_LABELS[r.kind]}`).join(", ")}`,
      recallId,
      lotId: input.lotId,
      lotCode: lot.lotCode,
    });
    await tx.recallAcknowledgement.updateMany({
      where: { recallId, organizationId, acknowledgedAt: null },
      data: { acknowledgedAt: new Date(), acknowledgedById: member.userId },
    });
    return { progress: await closeIfComplete(tx, { ...recall, scope }) };
  });
}

function tooMuch(
  lot: { lotCode: string; quantity: Prisma.Decimal; unit: string | null },
  ours: Prisma.Decimal,
  byOthers: Prisma.Decimal,
): AppError {
  const unit = lot.unit ? ` ${lot.unit}` : "";
  const others = byOthers.gt(0)
    ? `, and other holders reported ${byOthers.toFixed()}${unit} of it`
    : "";
  return new AppError(
    "INVALID_INPUT",
    `Lot ${lot.lotCode} is ${lot.quantity.toFixed()}${unit}: your quantities add up to ${ours.toFixed()}${unit}${others}. Correct them so that ${DISPOSITION_KINDS.map((k) => DISPOSITION_LABELS[k]).join(", ")} add up to at most ${lot.quantity.sub(byOthers).toFixed()}${unit}.`,
    { field: "quantities" },
  );
}
