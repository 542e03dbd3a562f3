import type { Member } from "@/lib/auth/session";
import type { EpcisEvent } from "@/lib/epcis/event";
import type { LiftInput } from "./lift-input";
import { type NoticeLot, recallObjectEvent } from "./recall-notice";

/**
 * The off-chain notice whose keccak256 is LotTracker.liftRecall's reasonHash: the lot observed back
 * in commerce (disposition "active"). CBV 2.0 has no "release" business step; "inspecting" is the one
 * that ends a hold: the goods were checked and found fit for sale.
 */
export function buildLiftNotice({
  input,
  ...where
}: {
  member: Member;
  lot: NoticeLot;
  /** Where the recall is lifted from: the lifting organisation's main site. */
  locationGln: string;
  input: LiftInput;
}): EpcisEvent {
  return recallObjectEvent({
    ...where,
    bizStep: "inspecting",
    disposition: "active",
    kde: { recallLifted: true, liftReason: input.reason },
  });
}
