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
import { documentOf, isTransportLeg, transporterGln } from "@/lib/epcis/shipment";
import type { PlaceDirectory } from "@/lib/organizations";
import { locationDescription } from "./location-description";

// One row of the FDA FSMA 204 sortable spreadsheet: a critical tracking event of one lot with its
// key data elements (21 CFR 1 Subpart S; the table in DESIGN.md), read from the event's EPCIS payload
// and, where the payload says nothing, from the ledger event itself.

/** The ledger events that record a critical tracking event. */
export const CTE_EVENT_NAMES = [
  "LotCreated",
  "LotReceived",
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
  /**
   * Whether its lot code is a traceability lot code: assigned at initial packing, first land-based
   * receiving or a transformation (a split or merge included), never at harvest.
   */
  isTlc: boolean;
  /**
   * The TLC its rows carry: its own lot code, or for a part of a lot shipped on its own (numbered
   * L.P1 by lib/events), the TLC of the lot it came from: FSMA 204's shipping keeps the TLC.
   */
  tlc: string;
  /** The lot's GS1 Digital Link: the TLC source reference FDA can follow to the TLC source. */
  digitalLink: string;
  /** Where a harvested lot was harvested (its harvesting event's location); null for a TLC lot. */
  harvestFarmGln: string | null;
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
  ["lotCode", "Lot code"],
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
  ["tlcSourceReference", "TLC source reference"],
  ["previousSource", "Immediate previous source (other than a transporter)"],
  ["subsequentRecipient", "Immediate subsequent recipient (other than a transporter)"],
  ["transporter", "Transporter"],
  ["inputs", "Input TLCs (transformation)"],
  ["quantityReceived", "Quantity received (initial packing)"],
  ["receiveDate", "Receive date (initial packing)"],
  ["harvestFarm", "Farm where harvested"],
  ["fieldName", "Field or growing area"],
  ["harvester", "Harvester business name and phone"],
  ["harvestDate", "Harvest date"],
  ["catchLocations", "Harvest locations of the trip (first land-based receiving)"],
  ["coolingLocation", "Cooling location (initial packing)"],
  ["coolingDate", "Cooling date (initial packing)"],
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

const joined = (...parts: unknown[]) =>
  parts.filter((part) => typeof part === "string" && part !== "").join(" ");

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
  const kde = epcis?.kde ?? {};
  const place = (gln: unknown) => locationDescription(places.byGln(gln));
  const isReceiving = event.name === "LotHandoffAccepted" || event.name === "LotHandoffRejected";
  const carrier =
    epcis && (isReceiving || event.name === "LotHandedOff") ? transporterGln(epcis) : null;
  return {
    tlc: lot.isTlc ? lot.tlc : "",
    lotCode: lot.lotCode,
    gtin: lot.gtin,
    productDescription: lot.productDescription,
    commodityVariety: lot.commodityVariety,
    cte: cteOf(event, epcis),
    eventDate: when?.slice(0, 10) ?? "",
    eventTime: when ?? "",
    quantity: payloadQuantity.quantity ?? lot.quantity ?? "",
    unit: payloadQuantity.unit ?? lot.unit ?? "",
    location: locationDescription(places.byGln(whereGln) ?? places.byAddress(event.actor)),
    locationGln: whereGln ?? "",
    tlcSource: lot.isTlc ? place(lot.tlcSourceGln) : "",
    tlcSourceGln: lot.isTlc ? (lot.tlcSourceGln ?? "") : "",
    tlcSourceReference: lot.isTlc ? lot.digitalLink : "",
    previousSource: isReceiving
      ? partyText(epcis?.sourceList, places) ||
        locationDescription(places.byAddress(args.from ?? ""))
      : "",
    // A receiving event's destination is the receiver itself, not a next recipient.
    subsequentRecipient: isReceiving
      ? ""
      : partyText(epcis?.destinationList, places) ||
        (event.name === "LotHandedOff"
          ? locationDescription(places.byAddress(args.recipient ?? ""))
          : ""),
    transporter: carrier ? place(carrier) : "",
    inputs: event.name === "LotDerived" ? inputsText(lot, epcis) : "",
    quantityReceived: joined(kde.quantityReceived, kde.unitReceived),
    receiveDate: text(ilmd.dateReceived),
    harvestFarm: text(ilmd.harvestLocation) || (lot.isTlc ? "" : place(lot.harvestFarmGln)),
    fieldName: text(ilmd.fieldName),
    harvester: [text(ilmd.harvesterBusinessName), text(ilmd.harvesterPhone)]
      .filter(Boolean)
      .join(", "),
    harvestDate:
      text(ilmd.harvestDate) ||
      (ilmd.harvestDateStart
        ? `${text(ilmd.harvestDateStart)} to ${text(ilmd.harvestDateEnd)}`
        : ""),
    catchLocations: text(ilmd.catchLocations),
    coolingLocation: text(ilmd.coolingLocation),
    coolingDate: text(ilmd.coolingDate),
    documentType: document ? documentTypeLabel(document.type) : "",
    documentNumber: document ? documentOf(document).number : "",
    recordedBy: places.byAddress(event.actor)?.organization ?? event.actor,
    generation: lot.generation,
    txHash: event.txHash,
    blockNumber: event.blockNumber,
    verified,
    lotId: event.lotId,
  };
}

function cteOf(event: LedgerEventRow, epcis: EpcisEvent | null): string {
  // FSMA 204 leaves transporters out: their pickup and delivery are kept, marked, for completeness.
  if (isTransportLeg(epcis)) {
    if (event.name === "LotHandoffRejected")
      return "Transport: pickup refused by the carrier (not a CTE)";
    return event.name === "LotHandedOff"
      ? "Transport: delivery by the carrier (not a CTE)"
      : "Transport: pickup by the carrier (not a CTE)";
  }
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
  return locationDescription(places.byGln(glnOf(location?.id)) ?? places.byGln(glnOf(party?.id)));
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
