import type { Member } from "@/lib/auth/session";
import type { CriticalTrackingEvent, EpcisEvent } from "@/lib/epcis/event";
import type { ReferenceDocumentType } from "@/lib/epcis/kde";
import { eventBase } from "../event-base";
import type { EventWrite } from "../ledger-write";
import { createLotCall, type NewLot, quantityElement } from "../new-lots";

/**
 * The write of an event that commissions one lot from goods LotLedger did not track before (a
 * harvest, a first landing): LotTracker.createLot with an EPCIS ADD event where it happened, plus
 * the event's own fields (`extra`: its ILMD, recipient or KDEs).
 */
export function commissionLotWrite({
  member,
  cte,
  lot,
  locationGln,
  date,
  document,
  extra,
}: {
  member: Member;
  cte: CriticalTrackingEvent;
  lot: NewLot;
  locationGln: string;
  date: string;
  document: { type: ReferenceDocumentType; number: string };
  extra: Partial<EpcisEvent>;
}): EventWrite {
  return {
    call: createLotCall(lot),
    lotId: lot.id,
    newLots: [lot],
    payload: {
      ...eventBase({
        member,
        cte,
        action: "ADD",
        bizStep: "commissioning",
        disposition: "active",
        locationGln,
        date,
        document,
      }),
      quantityList: [quantityElement(lot)],
      ...extra,
    },
  };
}
