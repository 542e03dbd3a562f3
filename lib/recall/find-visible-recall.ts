import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";

/**
 * The recall row, for a member allowed to see it: a regulator, the organisation that started it, one
 * asked to acknowledge it, or the lot's producer. Null for anyone else, as for a recall that does not
 * exist: who holds which stock is not everyone's business.
 */
export async function findVisibleRecall({
  db,
  member,
  recallId,
}: {
  db: Db;
  member: Member;
  recallId: string;
}) {
  const recall = await db.recall.findUnique({
    where: { id: recallId },
    include: { acknowledgements: { orderBy: { createdAt: "asc" } } },
  });
  if (!recall) return null;
  const ours = member.organization;
  if (
    ours.kind === "REGULATOR" ||
    recall.initiatedByOrganizationId === ours.id ||
    recall.acknowledgements.some((a) => a.organizationId === ours.id)
  ) {
    return recall;
  }
  const lot = await db.lot.findUnique({ where: { id: recall.lotId }, select: { producer: true } });
  return lot?.producer.toLowerCase() === ours.chainAddress.toLowerCase() ? recall : null;
}
