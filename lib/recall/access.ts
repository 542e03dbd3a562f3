import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canSeeLot, type LotStanding } from "@/lib/lots/visibility";

/**
 * Why the member may not recall this lot, as the sentence they see, or null when they may. Asked
 * only of a member who may see the lot (`standing`, lib/lots/visibility.ts): anyone else is told
 * there is no such lot. A regulator may recall any lot, the producer its own lot, and a retailer a
 * lot it holds or held — or was sent — or one made from or into such a lot.
 *
 * Never more than LotTracker.recall allows (a REGULATOR, a RETAILER, or the PRODUCER that created
 * the lot), so a recall allowed here is not refused by the chain for who asks. The chain is laxer
 * for retailers: it lets any RETAILER recall any lot, since it cannot see who held what before, so
 * another client of the contract holding a retailer's key can still recall a lot outside its
 * lineage; LotLedger never sends such a recall.
 */
export function recallRefusal(
  member: Pick<Member, "role" | "organization">,
  lot: { lotCode: string; standing: LotStanding },
): string | null {
  if (member.role === "READ_ONLY") {
    return "Your account is read-only: ask a colleague with staff access to recall the lot.";
  }
  const { kind, name } = member.organization;
  if (lot.standing === "regulator" || lot.standing === "producer") return null;
  if (kind === "RETAILER") return null;
  return `Only a regulator, the producer of lot ${lot.lotCode}, or a retailer that holds or held it or a lot made from or into it can recall it; ${name} is a ${kind.toLowerCase()} that did not produce it.`;
}

export function assertCanRecall(
  member: Pick<Member, "role" | "organization">,
  lot: { lotCode: string; standing: LotStanding },
): void {
  const refusal = recallRefusal(member, lot);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/**
 * Why the member may not lift the recall, as the sentence they see, or null when they may. Within
 * LotTracker.liftRecall (a regulator lifts any recall, the organisation that recalled lifts its own),
 * and stricter: of the recalling organisation, only an admin; of a regulator, anyone with staff
 * access. Whether a Class I lift also needs a second person's approval is lift.ts's business.
 */
export function liftRefusal(
  member: Pick<Member, "role" | "organization">,
  initiator: { id: string; name: string },
): string | null {
  if (member.role === "READ_ONLY") {
    return "Your account is read-only: ask a colleague with staff access to lift the recall.";
  }
  const { kind, id } = member.organization;
  if (kind === "REGULATOR") return null;
  if (id === initiator.id) {
    return member.role === "ADMIN"
      ? null
      : `Only an admin of ${initiator.name} or a regulator can lift this recall: ask one of your admins.`;
  }
  return `Only a regulator or an admin of ${initiator.name}, which started this recall, can lift it.`;
}

/**
 * The recall row, for a member allowed to see it: the organisation that started it, one asked to
 * acknowledge it, or one that may see the recalled lot (canSeeLot: its producer, holders and
 * recipients past and present, theirs in its lineage, regulators), so a lot page's "Follow the
 * recall" never leads to a 404. Null for anyone else, as for a recall that does not exist: who holds
 * which stock is not everyone's business.
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
    recall.initiatedByOrganizationId === ours.id ||
    recall.acknowledgements.some((a) => a.organizationId === ours.id)
  ) {
    return recall;
  }
  return (await canSeeLot({ db, member, lotId: recall.lotId })) ? recall : null;
}

/** A recall the caller may see, or the 404 sentence (also for one they may not see: it stays unnamed). */
export function requireVisibleRecall<T>(recall: T | null): T {
  if (!recall) {
    throw new AppError(
      "NOT_FOUND",
      "There is no such recall for your organisation: open the recalls page to see yours.",
    );
  }
  return recall;
}
