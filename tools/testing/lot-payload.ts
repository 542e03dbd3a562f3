import { lotEpcClass, partyId } from "@/lib/epcis/event";
import { uomOf } from "@/lib/epcis/quantity";

/**
 * The smallest EPCIS payload that registers a lot with a quantity, for tests and benchmarks; with
 * the registering organisation's party GLN it is verified on the ledger once its lot is created.
 */
export function lotPayload(
  gtin: string,
  lotCode: string,
  quantity: string,
  unit = "kg",
  partyGln: string | null = null,
) {
  return {
    type: "ObjectEvent",
    cte: "initial_packing",
    action: "ADD",
    bizStep: "commissioning",
    disposition: "active",
    eventTime: "2026-11-24T09:00:00+00:00",
    eventTimeZoneOffset: "+00:00",
    quantityList: [
      { epcClass: lotEpcClass(gtin, lotCode), quantity: Number(quantity), uom: uomOf(unit) },
    ],
    ...(partyGln ? { sourceList: [{ type: "owning_party", id: partyId(partyGln) }] } : {}),
  };
}
