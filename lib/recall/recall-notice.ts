import type { Member } from "@/lib/auth/session";
import { type EpcisEvent, eventTimeOf, locationId, lotEpcClass, partyId } from "@/lib/events/epcis";
import { type RecallInput, SEVERITY_LABELS } from "./recall-input";

/**
 * The off-chain recall notice whose keccak256 is LotTracker.recall's reasonHash: an EPCIS 2.0
 * ObjectEvent observing the lot with disposition "recalled". CBV 2.0 has no recall business step;
 * "holding" (goods kept from sale) is the one GS1's recall guidance pairs with that disposition.
 */
export function buildRecallNotice({
  member,
  lot,
  locationGln,
  input,
  now = new Date(),
}: {
  member: Pick<Member, "organization">;
  lot: { gtin: string; lotCode: string; quantity: string | null; unit: string | null };
  /** Where the recall is issued from: the initiating organisation's site. */
  locationGln: string;
  input: RecallInput;
  now?: Date;
}): EpcisEvent {
  return {
    type: "ObjectEvent",
    cte: "recall",
    ...eventTimeOf(now),
    action: "OBSERVE",
    bizStep: "holding",
    disposition: "recalled",
    readPoint: { id: locationId(locationGln) },
    bizLocation: { id: locationId(locationGln) },
    ...(lot.quantity && lot.unit
      ? {
          quantityList: [
            {
              epcClass: lotEpcClass(lot.gtin, lot.lotCode),
              quantity: Number(lot.quantity),
              uom: lot.unit,
            },
          ],
        }
      : {}),
    sourceList: [{ type: "owning_party", id: partyId(member.organization.gln) }],
    kde: {
      traceabilityLotCode: lot.lotCode,
      gtin: lot.gtin,
      recallReason: input.reason,
      recallClass: SEVERITY_LABELS[input.severity].name,
    },
    eventId: crypto.randomUUID(),
  };
}
