import type { Member } from "@/lib/auth/session";
import type { EpcisEvent } from "@/lib/events/epcis";
import { eventBase } from "@/lib/events/event-base";
import { heldQuantityList } from "@/lib/events/new-lots";
import { type RecallInput, SEVERITY_LABELS } from "./recall-input";

/**
 * The off-chain recall notice whose keccak256 is LotTracker.recall's reasonHash: an EPCIS 2.0
 * ObjectEvent observing the lot with disposition "recalled". CBV 2.0 has no recall business step;
 * "holding" (goods kept from sale) is the one that goes with that disposition.
 */
export function buildRecallNotice({
  member,
  lot,
  locationGln,
  input,
}: {
  member: Member;
  lot: { gtin: string; lotCode: string; quantity: string | null; unit: string | null };
  /** Where the recall is issued from: the initiating organisation's main site. */
  locationGln: string;
  input: RecallInput;
}): EpcisEvent {
  const base = eventBase({
    member,
    cte: "recall",
    action: "OBSERVE",
    bizStep: "holding",
    disposition: "recalled",
    locationGln,
    date: null,
    document: null,
  });
  return {
    ...base,
    quantityList: heldQuantityList(lot),
    kde: {
      traceabilityLotCode: lot.lotCode,
      gtin: lot.gtin,
      recallReason: input.reason,
      recallClass: SEVERITY_LABELS[input.severity].name,
    },
  };
}
