import { glnOf } from "@/lib/epcis/event";
import type { LotDetail } from "./get-lot-detail";

// Who vouches for a lot: its producer, or — for a lot from a supplier that is not on LotLedger — the
// first receiver that registered it. Pages never call that receiver its producer.

type Origin = Pick<LotDetail, "producer" | "receivedBy" | "trail">;

/**
 * The supplier's GLN as the received lot's registration payload names it: its owning party, else
 * where the lot was commissioned (bizLocation); null when it names neither or is not verified.
 */
export function supplierGlnOf(lot: Pick<LotDetail, "trail">): string | null {
  const received = lot.trail.find((entry) => entry.name === "LotReceived");
  const payload = received?.isVerified ? received.payload : null;
  if (!payload) return null;
  const sources = Array.isArray(payload.sourceList) ? payload.sourceList : [];
  const owner = sources.find((source) => source?.type === "owning_party") ?? sources[0];
  const where = payload.bizLocation as { id?: unknown } | undefined;
  const id = typeof owner?.id === "string" ? owner.id : where?.id;
  return typeof id === "string" ? (glnOf(id) ?? id) : null;
}

/** "the supplier with GLN 4006381000017", or "a supplier": who made a received lot. */
export function supplierLabel(lot: Pick<LotDetail, "trail">): string {
  const gln = supplierGlnOf(lot);
  return gln ? `the supplier with GLN ${gln}` : "a supplier";
}

/**
 * "produced by Farm A", or "received from the supplier with GLN … (not on LotLedger) by ColdRoute".
 */
export function originText(lot: Origin): string {
  if (lot.producer) return `produced by ${lot.producer.name}`;
  const receiver = lot.receivedBy?.name ?? "its first receiver";
  return `received from ${supplierLabel(lot)} (not on LotLedger) by ${receiver}`;
}

/** The chain address that registered the lot: its producer, or its first receiver. */
export function registrarOf(lot: Origin): string | null {
  return lot.producer?.address ?? lot.receivedBy?.address ?? null;
}

/** originText as a sentence of its own: "Produced by Farm A." */
export function originSentence(lot: Origin): string {
  const text = originText(lot);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
