import { decodeBytes32String } from "ethers";
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
import type { Place, PlaceDirectory } from "@/lib/organizations";

// One row of the FDA FSMA 204 sortable spreadsheet: a critical tracking event of one lot with its
// key data elements (21 CFR 1 Subpart S; the table in DESIGN.md), read from the event's EPCIS payload
// and, where the payload says nothing, from the ledger event itself.

/** The ledger events that record a critical tracking event. */
export const CTE_EVENT_NAMES = [
  "LotCreated",
  "LotDerived",
  "LotEventRecorded",
  "LotHandedOff",
  "LotHandoffAccepted",
  "LotHandoffRejected",
];

const CTE_LABELS: Record<string, string> = {
  harvesting: "Harvesting",
  cooling: "Cooling",
  initial_packing: "Initial packing",
  first_land_based_receiving: "First land-based receiving",
  shipping: "Shipping",
  receiving: "Receiving",
  transformation: "Transformation",
  split: "Transformation (split)",
  merge: "Transformation (merge)",
};
const LINEAGE_LABELS = ["Transformation (split)", "Transformation (merge)", "Transformation"];

export type LedgerEventRow = {
  lotId: string;
  name: string;
  actor: string;
  payloadHash: string | null;
  args: unknown;
  txHash: string;
  blockNumber: number;
};

/** What a lot's rows share: from the event that assigned its TLC, or inherited from its inputs. */
export type LotFacts = {
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  /** Generations from the traced lot: negative for its sources, positive for lots made from it. */
  generation: number;
  productDescription: string;
  commodityVariety: string;
  tlcSourceGln: string | null;
  /** Its inputs as "TLC [GTIN]", when a split, merge or transformation made it. */
  inputs: { gtin: string; lotCode: string }[];
};

export type Verification =
  | "yes"
  | "no: record altered"
  | "no: record missing"
  | "no: record of another lot"
  | "no: recorded by another organisation";

export const FSMA_COLUMNS = [
  ["tlc", "Traceability lot code (TLC)"],
  ["gtin", "GTIN"],
  ["productDescription", "Product description"],
  ["commodityVariety", "Commodity and variety"],
  ["cte", "Critical tracking event"],
  ["eventDate", "Event date"],
  ["eventTime", "Event time"],
  ["quantity", "Quantity"],
  ["unit", "Unit of measure"],
  ["location", "Location description"],
  ["locationGln", "Location GLN"],
  ["tlcSource", "TLC source location"],
  ["tlcSourceGln", "TLC source GLN"],
  ["previousSource", "Immediate previous source"],
  ["subsequentRecipient", "Immediate subsequent recipient"],
  ["inputs", "Input TLCs (transformation)"],
  ["fieldName", "Field or growing area"],
  ["harvestDate", "Harvest date"],
  ["documentType", "Reference document type"],
  ["documentNumber", "Reference document number"],
  ["recordedBy", "Recorded by"],
  ["generation", "Generation from the traced lot"],
  ["txHash", "Transaction hash"],
  ["blockNumber", "Block"],
  ["verified", "Verified on the ledger"],
  ["lotId", "Lot id"],
] as const;

export type FsmaRow = Record<(typeof FSMA_COLUMNS)[number][0], string | number>;

const text = (value: unknown) => (typeof value === "string" ? value : "");

export function placeText(place: Place | null): string {
  if (!place) return "";
  const site = place.name === place.organization ? null : place.name;
  return [place.organization, site, place.address].filter(Boolean).join(", ");
}

export function fsmaRow(
  event: LedgerEventRow,
  lot: LotFacts,
  body: unknown,
  verified: Verification,
  places: PlaceDirectory,
): FsmaRow {
  const epcis = isEpcisEvent(body) ? body : null;
  const args = (event.args ?? {}) as Record<string, string>;
  const { whereGln, when } = eventWhereWhen(body);
  const payloadQuantity = lotQuantityOf(body, lot.gtin, lot.lotCode);
  const document = epcis?.bizTransactionList?.[0];
  const ilmd = epcis?.ilmd ?? {};
  const isReceiving = event.name === "LotHandoffAccepted" || event.name === "LotHandoffRejected";
  return {
    tlc: lot.lotCode,
    gtin: lot.gtin,
    productDescription: lot.productDescription,
    commodityVariety: lot.commodityVariety,
    cte: cteOf(event, epcis),
    eventDate: when?.slice(0, 10) ?? "",
    eventTime: when ?? "",
    quantity: payloadQuantity.quantity ?? lot.quantity ?? "",
    unit: payloadQuantity.unit ?? lot.unit ?? "",
    location: placeText(places.byGln(whereGln) ?? places.byAddress(event.actor)),
    locationGln: whereGln ?? "",
    tlcSource: placeText(places.byGln(lot.tlcSourceGln)),
    tlcSourceGln: lot.tlcSourceGln ?? "",
    previousSource: isReceiving
      ? partyText(epcis?.sourceList, places) || placeText(places.byAddress(args.from ?? ""))
      : "",
    // A receiving event's destination is the receiver itself, not a next recipient.
    subsequentRecipient: isReceiving
      ? ""
      : partyText(epcis?.destinationList, places) ||
        (event.name === "LotHandedOff" ? placeText(places.byAddress(args.recipient ?? "")) : ""),
    inputs: event.name === "LotDerived" ? inputsText(lot, epcis) : "",
    fieldName: text(ilmd.fieldName),
    harvestDate: text(ilmd.harvestDate),
    documentType: document ? documentTypeLabel(document.type) : "",
    documentNumber: document ? documentNumberOf(document.bizTransaction) : "",
    recordedBy: places.byAddress(event.actor)?.organization ?? event.actor,
    generation: lot.generation,
    txHash: event.txHash,
    blockNumber: event.blockNumber,
    verified,
    lotId: event.lotId,
  };
}

function cteOf(event: LedgerEventRow, epcis: EpcisEvent | null): string {
  if (event.name === "LotHandoffRejected") return "Receiving (rejected)";
  const fromPayload = epcis ? CTE_LABELS[epcis.cte] : undefined;
  if (fromPayload) return fromPayload;
  const args = (event.args ?? {}) as Record<string, string>;
  switch (event.name) {
    case "LotHandedOff":
      return "Shipping";
    case "LotHandoffAccepted":
      return "Receiving";
    case "LotDerived":
      return LINEAGE_LABELS[Number(args.kind)] ?? "Transformation";
    case "LotEventRecorded": {
      const eventType = safeBytes32(args.eventType);
      return CTE_LABELS[eventType] ?? (eventType || "Tracking event");
    }
    default:
      return "Traceability lot code assigned";
  }
}

function safeBytes32(value: string | undefined): string {
  try {
    return value ? decodeBytes32String(value) : "";
  } catch {
    return "";
  }
}

/** The location of a source or destination list, else its owning party's main site. */
function partyText(list: EpcisEvent["sourceList"], places: PlaceDirectory): string {
  const location = list?.find((entry) => entry.type === "location");
  const party = list?.find((entry) => entry.type === "owning_party");
  return placeText(places.byGln(glnOf(location?.id)) ?? places.byGln(glnOf(party?.id)));
}

/** Each input as "TLC [GTIN]", with the quantity used when the payload says it. */
function inputsText(lot: LotFacts, epcis: EpcisEvent | null): string {
  return lot.inputs
    .map((input) => {
      const epcClass = lotEpcClass(input.gtin, input.lotCode);
      const used = epcis?.inputQuantityList?.find((q) => q.epcClass === epcClass);
      const quantity = used ? ` ${used.quantity} ${unitOfUom(used.uom) ?? used.uom}` : "";
      return `${input.lotCode} [${input.gtin}]${quantity}`;
    })
    .join("; ");
}

/** The reference document number of a LotLedger business transaction URN, else the URN. */
function documentNumberOf(bizTransaction: string): string {
  const match = /^urn:lotledger:[^:]+:(.*)$/.exec(bizTransaction);
  if (!match) return bizTransaction;
  try {
    return decodeURIComponent(match[1] as string);
  } catch {
    return match[1] as string;
  }
}
