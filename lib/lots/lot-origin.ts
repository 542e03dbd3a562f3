import { glnOf } from "@/lib/epcis/event";
import type { LotDetail } from "./get-lot-detail";

// Who vouches for a lot: its producer, or — for a lot from a supplier that is not on LotLedger — the
// first receiver that registered it. Pages never call that receiver its producer.

type Origin = Pick<LotDetail, "producer" | "receivedBy" | "trail">;

/** The supplier's party GLN as the received lot's registration payload names it, when it does. */
export function supplierGlnOf(lot: Pick<LotDetail, "trail">): string | null {
  const received = lot.trail.find((entry) => entry.name === "LotReceived");
  const sources = received?.isVerified ? received.payload?.sourceList : null;
  if (!Array.isArray(sources)) return null;
  const owner = sources.find((source) => source?.type === "owning_party") ?? sources[0];
  return typeof owner?.id === "string" ? (glnOf(owner.id) ?? owner.id) : null;
}

/** "Green Valley Farms" or "the supplier with GLN 4006381000005": who made a received lot. */
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
