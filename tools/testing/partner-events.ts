import { locationId, lotEpcClass, partyId } from "@/lib/epcis/event";
import { eventHashId } from "@/lib/epcis/event-hash";
import { gs1CheckDigit } from "@/lib/gs1/keys";

// A trading partner's EPCIS 2.0 events as its own system sends them (standard JSON, CBV words bare),
// for the capture tests: a supplier that is not on LotLedger commissions a lot, ships it to a member,
// and the member receives it.

type Json = Record<string, unknown>;

/** A GTIN under GS1's example prefix 4006381, which no LotLedger member holds. */
export const SUPPLIER_GTIN = "04006381333931";
/** The supplier's party GLN (and its packhouse's location GLN): not on LotLedger. */
export const SUPPLIER_GLN = withCheckDigit("400638100001");

export function withCheckDigit(body: string): string {
  return `${body}${gs1CheckDigit(body)}`;
}

const at = (day: number) => ({
  eventTime: `2026-11-${String(day).padStart(2, "0")}T08:00:00.000Z`,
  eventTimeZoneOffset: "+00:00",
});

function lotQuantity(gtin: string, lotCode: string) {
  return [{ epcClass: lotEpcClass(gtin, lotCode), quantity: 40, uom: "KGM" }];
}

/** The supplier commissions the lot at its packhouse (FSMA initial packing, off LotLedger). */
export function commissioning(lotCode: string, gtin = SUPPLIER_GTIN, glnAt = SUPPLIER_GLN): Json {
  return {
    type: "ObjectEvent",
    ...at(20),
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    readPoint: { id: locationId(glnAt) },
    bizLocation: { id: locationId(glnAt) },
    quantityList: lotQuantity(gtin, lotCode),
  };
}

/** A shipment of the lot from `fromGln` to `toGln` (party GLNs). */
export function shipping(lotCode: string, fromGln: string, toGln: string, gtin = SUPPLIER_GTIN) {
  return {
    type: "ObjectEvent",
    ...at(21),
    action: "OBSERVE",
    bizStep: "shipping",
    disposition: "in_transit",
    readPoint: { id: locationId(fromGln) },
    quantityList: lotQuantity(gtin, lotCode),
    sourceList: [{ type: "owning_party", source: partyId(fromGln) }],
    destinationList: [{ type: "owning_party", destination: partyId(toGln) }],
  };
}

/** The receipt of the lot at `atGln`, from `fromGln`. */
export function receiving(lotCode: string, fromGln: string, atGln: string, gtin = SUPPLIER_GTIN) {
  return {
    type: "ObjectEvent",
    ...at(22),
    action: "OBSERVE",
    bizStep: "receiving",
    disposition: "in_progress",
    readPoint: { id: locationId(atGln) },
    bizLocation: { id: locationId(atGln) },
    quantityList: lotQuantity(gtin, lotCode),
    sourceList: [{ type: "owning_party", source: partyId(fromGln) }],
    destinationList: [{ type: "owning_party", destination: partyId(atGln) }],
  };
}

/** Events as the capture job hands them to the ledger: in order, each with its hash ID. */
export function capturedEvents(events: Json[]) {
  return events.map((event, index) => ({ index, eventId: eventHashId(event), event }));
}
