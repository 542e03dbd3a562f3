import {
  type EpcisEvent,
  eventWhereWhen,
  glnOf,
  isEpcisEvent,
  lotEpcClass,
  lotQuantityOf,
} from "@/lib/epcis/event";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { unitOfUom } from "@/lib/epcis/quantity";
import { documentOf, transporterGln } from "@/lib/epcis/shipment";
import type { Place, PlaceDirectory } from "@/lib/organizations";
import { cteOf } from "./fsma-cte";
import type { LedgerEventRow, LotFacts, Verification } from "./fsma-facts";

// One critical tracking event of one lot with its key data elements (21 CFR 1 Subpart S; the table
// in DESIGN.md), read from the event's EPCIS payload and, where the payload says nothing, from the
// ledger event itself. Places stay places here: the CSV writes each in one cell, the FDA's workbook
// in its seven columns.

export type FsmaInput = {
  gtin: string;
  lotCode: string;
  productDescription: string;
  quantity: string;
  unit: string;
};

export type FsmaRecord = {
  event: LedgerEventRow;
  lot: LotFacts;
  /** The CTE as a person reads it ("Shipping", "Transformation (split)", "Transport: …"). */
  cte: string;
  /** The event time as recorded, with its offset; null when the payload has none. */
  when: string | null;
  quantity: string;
  unit: string;
  location: Place | null;
  locationGln: string;
  tlcSource: Place | null;
  previousSource: Place | null;
  subsequentRecipient: Place | null;
  transporter: Place | null;
  /** The lots a split, merge or transformation used, with the quantity used when the payload says. */
  inputs: FsmaInput[];
  /** Key data elements typed into the form as text (initial packing, harvest), keyed as the form. */
  typed: Record<string, string>;
  /** The farm a harvested lot came from, when it is not typed as text. */
  harvestFarm: Place | null;
  document: { type: string; number: string } | null;
  recordedBy: string;
  verified: Verification;
};

const TYPED_KDES = [
  "dateReceived",
  "harvestLocation",
  "fieldName",
  "harvesterBusinessName",
  "harvesterPhone",
  "harvestDate",
  "harvestDateStart",
  "harvestDateEnd",
  "catchLocations",
  "coolingLocation",
  "coolingDate",
] as const;

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function fsmaRecord(
  event: LedgerEventRow,
  lot: LotFacts,
  body: unknown,
  verified: Verification,
  places: PlaceDirectory,
): FsmaRecord {
  const epcis = isEpcisEvent(body) ? body : null;
  const args = (event.args ?? {}) as Record<string, string>;
  const { whereGln, when } = eventWhereWhen(body);
  const payloadQuantity = lotQuantityOf(body, lot.gtin, lot.lotCode);
  const document = epcis?.bizTransactionList?.[0];
  const ilmd = (epcis?.ilmd ?? {}) as Record<string, unknown>;
  const kde = (epcis?.kde ?? {}) as Record<string, unknown>;
  // A captured event of a party off LotLedger has no ledger event of its own: its payload says.
  const isCaptured = event.name === "EpcisEventCaptured";
  const isReceiving =
    event.name === "LotHandoffAccepted" ||
    event.name === "LotHandoffRejected" ||
    (isCaptured && epcis?.cte === "receiving");
  const isShipping = event.name === "LotHandedOff" || (isCaptured && epcis?.cte === "shipping");
  const carrier = epcis && (isReceiving || isShipping) ? transporterGln(epcis) : null;
  // A partner's shipping event may name only where it was read (its readPoint).
  const where = whereGln ?? (isCaptured ? glnOf(epcis?.readPoint?.id) : null);
  const typed: Record<string, string> = {
    quantityReceived: text(kde.quantityReceived),
    unitReceived: text(kde.unitReceived),
  };
  for (const key of TYPED_KDES) typed[key] = text(ilmd[key]);
  return {
    event,
    lot,
    cte: cteOf(event, epcis),
    when: when ?? null,
    quantity: payloadQuantity.quantity ?? lot.quantity ?? "",
    unit: payloadQuantity.unit ?? lot.unit ?? "",
    location: placeOf(where, places) ?? places.byAddress(event.actor),
    locationGln: where ?? "",
    tlcSource: lot.isTlc ? places.byGln(lot.tlcSourceGln) : null,
    previousSource: isReceiving
      ? (partyPlace(epcis?.sourceList, places) ?? places.byAddress(args.from ?? ""))
      : null,
    // A receiving event's destination is the receiver itself, not a next recipient.
    subsequentRecipient: isReceiving
      ? null
      : (partyPlace(epcis?.destinationList, places) ??
        (event.name === "LotHandedOff" ? places.byAddress(args.recipient ?? "") : null)),
    transporter: carrier ? places.byGln(carrier) : null,
    inputs: event.name === "LotDerived" ? inputsOf(lot, epcis) : [],
    typed,
    harvestFarm: lot.isTlc ? null : places.byGln(lot.harvestFarmGln),
    document: document
      ? { type: documentTypeLabel(document.type), number: documentOf(document).number }
      : null,
    recordedBy: places.byAddress(event.actor)?.organization ?? event.actor,
    verified,
  };
}

/** The location of a source or destination list, else its owning party's main site. */
function partyPlace(list: EpcisEvent["sourceList"], places: PlaceDirectory): Place | null {
  const location = list?.find((entry) => entry.type === "location");
  const party = list?.find((entry) => entry.type === "owning_party");
  return placeOf(glnOf(location?.id), places) ?? placeOf(glnOf(party?.id), places);
}

/** A GLN's place; one LotLedger has no directory entry for is named by its GLN, never guessed. */
function placeOf(gln: string | null | undefined, places: PlaceDirectory): Place | null {
  if (!gln) return null;
  return (
    places.byGln(gln) ?? {
      organization: `GLN ${gln} (not on LotLedger)`,
      name: "",
      address: "",
      latitude: null,
      longitude: null,
    }
  );
}

/** Each input lot, with the quantity used when the payload says it. */
function inputsOf(lot: LotFacts, epcis: EpcisEvent | null): FsmaInput[] {
  return lot.inputs.map((input) => {
    const epcClass = lotEpcClass(input.gtin, input.lotCode);
    const used = epcis?.inputQuantityList?.find((q) => q.epcClass === epcClass);
    return {
      ...input,
      quantity: used ? String(used.quantity) : "",
      unit: used ? (unitOfUom(used.uom) ?? used.uom) : "",
    };
  });
}
