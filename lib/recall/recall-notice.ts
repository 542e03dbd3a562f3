import type { Member } from "@/lib/auth/session";
import type { EpcisEvent } from "@/lib/epcis/event";
import { eventBase } from "@/lib/events/event-base";
import { heldQuantityList } from "@/lib/events/new-lots";
import { type RecallInput, SEVERITY_LABELS } from "./recall-input";

export type NoticeLot = {
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
};

/**
 * An EPCIS 2.0 ObjectEvent observing a recalled lot (the recall, or its lifting) from the acting
 * organisation's main site, `locationGln`, with the key data elements `kde` beside the lot's.
 */
export function recallObjectEvent({
  member,
  lot,
  locationGln,
  bizStep,
  disposition,
  kde,
}: {
  member: Member;
  lot: NoticeLot;
  locationGln: string;
  bizStep: string;
  disposition: string;
  kde: Record<string, string | boolean>;
}): EpcisEvent {
  const base = eventBase({
    member,
    cte: "recall",
    action: "OBSERVE",
    bizStep,
    disposition,
    locationGln,
    date: null,
    document: null,
  });
  return {
    ...base,
    quantityList: heldQuantityList(lot),
    kde: { traceabilityLotCode: lot.lotCode, gtin: lot.gtin, ...kde },
  };
}

/**
 * The off-chain recall notice whose keccak256 is LotTracker.recall's reasonHash: disposition
 * "recalled". CBV 2.0 has no recall business step; "holding" (goods kept from sale) is the one that
 * goes with that disposition.
 */
export function buildRecallNotice({
  input,
  ...where
}: {
  member: Member;
  lot: NoticeLot;
  /** Where the recall is issued from: the initiating organisation's main site. */
  locationGln: string;
  input: RecallInput;
}): EpcisEvent {
  return recallObjectEvent({
    ...where,
    bizStep: "holding",
    disposition: "recalled",
    kde: { recallReason: input.reason, recallClass: SEVERITY_LABELS[input.severity].name },
  });
}
