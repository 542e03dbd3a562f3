import { unitOfUom } from "./quantity";

/** A JSON value, as EPCIS extension fields (ILMD, key data elements) hold them. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

// Every critical tracking event's off-chain payload is an EPCIS 2.0 event (JSON-LD shape, CBV 2.0
// vocabulary) plus `cte`, the FSMA 204 event it records, and `kde`, the key data elements EPCIS has no
// field for. Its canonical-JSON keccak256 is what goes on-chain, so exporting to an EPCIS repository
// or the FDA spreadsheet is a mapping of stored payloads, never a migration.

export const CRITICAL_TRACKING_EVENTS = [
  "harvesting",
  "cooling",
  "initial_packing",
  "first_land_based_receiving",
  "shipping",
  "receiving",
  "transformation",
  "split",
  "merge",
] as const;
export type CriticalTrackingEvent = (typeof CRITICAL_TRACKING_EVENTS)[number];

export type QuantityElement = { epcClass: string; quantity: number; uom: string };
/**
 * CBV 2.0 source/destination types: who owns the goods, who physically holds them (a carrier in
 * transit), and where they come from or go to.
 */
export type SourceDestination = {
  type: "owning_party" | "possessing_party" | "location";
  id: string;
};

export type EpcisEvent = {
  type: "ObjectEvent" | "TransformationEvent" | "AggregationEvent";
  /**
   * What it records: a critical tracking event, or a step FSMA 204 does not name ("observation": a
   * captured event that is none of the others, e.g. an inspection or a partner's sensor report).
   */
  cte:
    | CriticalTrackingEvent
    | "recall"
    | "shipment_cancelled"
    | "aggregation"
    | "disaggregation"
    | "observation";
  /** ISO 8601 with offset, and the offset on its own as EPCIS requires. */
  eventTime: string;
  eventTimeZoneOffset: string;
  action?: "ADD" | "OBSERVE" | "DELETE";
  bizStep: string;
  disposition: string;
  readPoint: { id: string };
  bizLocation: { id: string };
  /** Instance-level identifiers: the SSCCs of the logistic units a shipment or receipt moves. */
  epcList?: string[];
  quantityList?: QuantityElement[];
  /** An AggregationEvent's logistic unit (urn:epc:id:sscc:…) and the lots packed on or taken off it. */
  parentID?: string;
  childQuantityList?: (QuantityElement | { epcClass: string })[];
  inputQuantityList?: QuantityElement[];
  outputQuantityList?: QuantityElement[];
  sourceList?: SourceDestination[];
  destinationList?: SourceDestination[];
  bizTransactionList?: { type: string; bizTransaction: string }[];
  /** EPCIS 2.0 sensor data observed with the event, e.g. the temperature of goods on arrival. */
  sensorElementList?: {
    sensorMetadata: { time: string };
    sensorReport: { type: string; value: number; uom: string }[];
  }[];
  /** Instance/lot master data of the lots this event creates: harvest date, commodity, variety, ... */
  ilmd?: Record<string, JsonValue>;
  /** FSMA 204 key data elements that have no EPCIS field (field name, harvester's phone, ...). */
  kde?: Record<string, JsonValue>;
  /** Makes two identical submissions two distinct payloads (and lets a retry be recognised). */
  eventId: string;
};

/** A lot as an EPCIS class-level identifier: its GS1 Digital Link (GTIN + AI 10). */
export function lotEpcClass(gtin: string, lotCode: string): string {
  return `https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lotCode)}`;
}

/** A location (GLN as AI 414) and a party (GLN as AI 417), as EPCIS 2.0 Digital Link identifiers. */
export const locationId = (gln: string) => `https://id.gs1.org/414/${gln}`;
export const partyId = (gln: string) => `https://id.gs1.org/417/${gln}`;

/** The GLN at the end of a location or party identifier, or null. */
export function glnOf(id: string | undefined): string | null {
  const match = id?.match(/\/41[47]\/(\d{13})$/);
  return match ? (match[1] as string) : null;
}

/** The reference document (FSMA "reference document type and number") as an EPCIS business transaction. */
export function referenceDocument(type: string, number: string) {
  return { type, bizTransaction: `urn:lotledger:${type}:${encodeURIComponent(number)}` };
}

/** An ISO local date-time in the server's zone, with its offset ("2026-11-24T09:30:00+01:00"). */
export function eventTimeOf(date: Date): { eventTime: string; eventTimeZoneOffset: string } {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  const offset = `${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return { eventTime: `${local}${offset}`, eventTimeZoneOffset: offset };
}

/** Whether a stored payload is an EPCIS-shaped critical tracking event. */
export function isEpcisEvent(body: unknown): body is EpcisEvent {
  return typeof body === "object" && body !== null && "cte" in body && "bizStep" in body;
}

/**
 * The quantity and unit an event's payload gives a lot it creates: its element of outputQuantityList
 * (transformations) or quantityList (ADD events). Units come back from UN/CEFACT codes to LotLedger's.
 */
export function lotQuantityOf(
  body: unknown,
  gtin: string,
  lotCode: string,
): { quantity: string | null; unit: string | null } {
  if (!isEpcisEvent(body)) return { quantity: null, unit: null };
  const epcClass = lotEpcClass(gtin, lotCode);
  const element = [
    ...(body.outputQuantityList ?? body.quantityList ?? []),
    ...remainderQuantityList(body),
  ].find((q) => q.epcClass === epcClass);
  if (!element) return { quantity: null, unit: null };
  return { quantity: String(element.quantity), unit: unitOfUom(element.uom) ?? element.uom };
}

/**
 * Shipping part of a lot also creates the part that stays behind: the shipping event counts only what
 * ships, so the remainder's quantity travels in its `kde.remainderQuantityList`.
 */
function remainderQuantityList(body: EpcisEvent): QuantityElement[] {
  const list = body.kde?.remainderQuantityList;
  return Array.isArray(list)
    ? list.filter(
        (q): q is QuantityElement => typeof q === "object" && q !== null && "epcClass" in q,
      )
    : [];
}

/** Where (bizLocation), where to (a destination location) and when an event happened, from its payload. */
export function eventWhereWhen(body: unknown): {
  whereGln: string | null;
  toGln: string | null;
  when: string | null;
} {
  if (!isEpcisEvent(body)) return { whereGln: null, toGln: null, when: null };
  const destination = body.destinationList?.find((d) => d.type === "location");
  return {
    whereGln: glnOf(body.bizLocation?.id),
    toGln: glnOf(destination?.id),
    when: Number.isNaN(Date.parse(body.eventTime)) ? null : body.eventTime,
  };
}

/** The lot code an event is mainly about: its first new lot, else the first lot it counts. */
export function mainLotCodeOf(body: unknown): string | null {
  if (!isEpcisEvent(body)) return null;
  const element =
    body.outputQuantityList?.[0] ?? body.quantityList?.[0] ?? body.inputQuantityList?.[0];
  const match = element?.epcClass.match(/\/10\/([^/]+)$/);
  return match ? decodeURIComponent(match[1] as string) : null;
}

/**
 * The product description a lot's registration payload gives (FSMA 204 "product description"), at
 * the top level, or in its EPCIS ILMD or key data elements; null when it gives none.
 */
export function productNameOf(body: unknown): string | null {
  if (typeof body !== "object" || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const source of [record, record.ilmd, record.kde]) {
    const value = (source as Record<string, unknown> | undefined)?.productDescription;
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return null;
}
