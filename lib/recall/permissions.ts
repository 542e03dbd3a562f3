import type { Member } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** Organisation kinds LotTracker lets recall any lot; a producer may recall the lots it registered. */
const RECALLING_KINDS = ["RETAILER", "REGULATOR"];

/**
 * Why the member may not recall this lot, as the sentence they see, or null when they may. Mirrors
 * LotTracker.recall (retailer, regulator, or the lot's producer) so a refusal never reaches the chain.
 */
export function recallRefusal(
  member: Pick<Member, "role" | "organization">,
  lot: { lotCode: string; producer: string },
): string | null {
  if (member.role === "READ_ONLY") {
    return "Your account is read-only: ask a colleague with staff access to recall the lot.";
  }
  const { kind, name, chainAddress } = member.organization;
  const isProducer = lot.producer.toLowerCase() === chainAddress.toLowerCase();
  if (RECALLING_KINDS.includes(kind) || isProducer) return null;
  return `Only a retailer, a regulator or the producer of lot ${lot.lotCode} can recall it; ${name} is a ${kind.toLowerCase()} that did not produce it.`;
}

export function assertCanRecall(
  member: Pick<Member, "role" | "organization">,
  lot: { lotCode: string; producer: string },
): void {
  const refusal = recallRefusal(member, lot);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}

/**
 * Why the member may not lift the recall, as the sentence they see, or null when they may. Mirrors
 * LotTracker.liftRecall: a regulator lifts any recall, the organisation that recalled lifts its own.
 */
export function liftRefusal(
  member: Pick<Member, "role" | "organization">,
  initiator: { id: string; name: string },
): string | null {
  if (member.role === "READ_ONLY") {
    return "Your account is read-only: ask a colleague with staff access to lift the recall.";
  }
  const { kind, id } = member.organization;
  if (kind === "REGULATOR" || id === initiator.id) return null;
  return `Only a regulator or ${initiator.name}, which started this recall, can lift it.`;
}
