import type { Member } from "@/lib/auth/session";
import type { EpcisEvent } from "@/lib/events/epcis";
import { eventBase } from "@/lib/events/event-base";
import { heldQuantityList } from "@/lib/events/new-lots";
import type { LiftInput } from "./lift-input";

/**
 * The off-chain notice whose keccak256 is LotTracker.liftRecall's reasonHash: an EPCIS 2.0 ObjectEvent
 * observing the lot back in commerce (disposition "active"). CBV 2.0 has no "release" business step;
 * "inspecting" is the one that ends a hold: the goods were checked and found fit for sale.
 */
export function buildLiftNotice({
  member,
  lot,
  locationGln,
  input,
}: {
  member: Member;
  lot: { gtin: string; lotCode: string; quantity: string | null; unit: string | null };
  /** Where the recall is lifted from: the lifting organisation's main site. */
  locationGln: string;
  input: LiftInput;
}): EpcisEvent {
  const base = eventBase({
    member,
    cte: "recall",
    action: "OBSERVE",
    bizStep: "inspecting",
    disposition: "active",
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
      recallLifted: true,
      liftReason: input.reason,
    },
  };
}
