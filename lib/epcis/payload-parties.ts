import { glnOf, type QuantityElement } from "./event";
import { lotOfEpcClass as lotOfClass } from "./event-index";

// What a stored payload says about whom and what it records, so a ledger event can be checked to be
// the payload's own: the lots it names and the party that recorded it. Read from the shapes
// LotLedger stores: EPCIS events (critical tracking events, sensor batches) and recall notices.

export type NamedLot = { gtin: string; lotCode: string };

/**
 * A lot's EPCIS class-level identifier: a GS1 Digital Link (GTIN + AI 10) as lotEpcClass writes it,
 * or in any form a captured event uses (event-index's lotOfEpcClass).
 */
function lotOfEpcClass(epcClass: unknown): NamedLot | null {
  if (typeof epcClass !== "string") return null;
  try {
    return lotOfClass(epcClass);
  } catch {
    return null; // a malformed percent-escape names no lot
  }
}

/**
 * The lots a payload names: the epcClass of each element of its EPCIS quantity lists (the lots it
 * counts, uses up, makes, or packs on a logistic unit), and the GTIN and traceability lot code a recall notice gives in its key
 * data elements (a lot of unknown quantity has no quantity element).
 */
export function lotsNamedBy(body: unknown): NamedLot[] {
  if (typeof body !== "object" || body === null) return [];
  const record = body as Record<string, unknown>;
  const elements = [
    record.quantityList,
    record.inputQuantityList,
    record.outputQuantityList,
    record.childQuantityList,
  ]
    .filter(Array.isArray)
    .flat() as Partial<QuantityElement>[];
  const lots = elements.flatMap((element) => lotOfEpcClass(element?.epcClass) ?? []);
  const kde = record.kde as Record<string, unknown> | undefined;
  if (typeof kde?.gtin === "string" && typeof kde.traceabilityLotCode === "string") {
    lots.push({ gtin: kde.gtin, lotCode: kde.traceabilityLotCode });
  }
  return lots;
}

/**
 * The lots a transformation's payload uses up: the epcClass of each element of its
 * inputQuantityList. A lot consumed by a split, merge, packing or transformation is checked against
 * these, never against the lots the same payload makes.
 */
export function inputLotsNamedBy(body: unknown): NamedLot[] {
  const list = (body as { inputQuantityList?: unknown } | null)?.inputQuantityList;
  if (!Array.isArray(list)) return [];
  return (list as Partial<QuantityElement>[]).flatMap(
    (element) => lotOfEpcClass(element?.epcClass) ?? [],
  );
}

function partyGln(list: unknown, type: "owning_party" | "possessing_party"): string | null {
  if (!Array.isArray(list)) return null;
  const party = list.find((entry) => entry?.type === type) as { id?: unknown } | undefined;
  return typeof party?.id === "string" ? glnOf(party.id) : null;
}

/** Who acts on the goods: their possessing party (a carrier holds goods it does not own), else owner. */
const actingPartyGln = (list: unknown) =>
  partyGln(list, "possessing_party") ?? partyGln(list, "owning_party");

/**
 * The party GLN of the organisation that recorded the event, as its payload says: for a receipt
 * (bizStep receiving) the party taking possession, its destination, when it names one; otherwise the
 * acting party of its source (the shipper or carrier of a shipment, the farm of a harvest, the
 * recaller of a recall). The possessing party comes first, the owning party when none is named. Null
 * when the payload names no party.
 */
export function recordingPartyGln(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  const receiver = record.bizStep === "receiving" ? actingPartyGln(record.destinationList) : null;
  return receiver ?? actingPartyGln(record.sourceList);
}
