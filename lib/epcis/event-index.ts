import { gs1CheckDigit } from "@/lib/gs1/keys";

// What LotLedger's EPCIS repository indexes of an event (the EpcisEvent table's columns), read from
// a standard EPCIS 2.0 event: the fields the query interface filters on. Captured and app-recorded
// events are indexed by this one function, so a query finds both alike.

type Json = Record<string, unknown>;

export type EpcisEventIndex = {
  type: string;
  action: string | null;
  eventTime: Date;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  /** Instance-level identifiers: epcList, parentID, childEPCs, inputEPCList, outputEPCList. */
  epcs: string[];
  /** Class-level identifiers of the quantity lists. */
  epcClasses: string[];
  isErrorDeclaration: boolean;
};

const CBV_WORD = [
  /^https:\/\/ref\.gs1\.org\/cbv\/(?:BizStep|Disp)-([a-z_]+)$/,
  /^urn:epcglobal:cbv:(?:bizstep|disp):([a-z_]+)$/,
];

/** A CBV bizStep or disposition as its bare word ("shipping"), whichever form the event used. */
export function cbvWord(value: unknown): string | null {
  if (typeof value !== "string" || value === "") return null;
  for (const form of CBV_WORD) {
    const match = form.exec(value);
    if (match) return match[1] as string;
  }
  return value;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

const classesOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((q) =>
        typeof q === "object" && q !== null && typeof (q as Json).epcClass === "string"
          ? [(q as Json).epcClass as string]
          : [],
      )
    : [];

const idOf = (value: unknown): string | null =>
  typeof value === "object" && value !== null && typeof (value as Json).id === "string"
    ? ((value as Json).id as string)
    : null;

/** The repository's index of a standard EPCIS 2.0 event (already schema-valid). */
export function indexEpcisEvent(event: Json): EpcisEventIndex {
  const parent = typeof event.parentID === "string" ? [event.parentID] : [];
  return {
    type: String(event.type),
    action: typeof event.action === "string" ? event.action : null,
    eventTime: new Date(String(event.eventTime)),
    bizStep: cbvWord(event.bizStep),
    disposition: cbvWord(event.disposition),
    readPoint: idOf(event.readPoint),
    bizLocation: idOf(event.bizLocation),
    epcs: [
      ...new Set([
        ...strings(event.epcList),
        ...parent,
        ...strings(event.childEPCs),
        ...strings(event.inputEPCList),
        ...strings(event.outputEPCList),
      ]),
    ],
    epcClasses: [
      ...new Set([
        ...classesOf(event.quantityList),
        ...classesOf(event.childQuantityList),
        ...classesOf(event.inputQuantityList),
        ...classesOf(event.outputQuantityList),
      ]),
    ],
    isErrorDeclaration:
      typeof event.errorDeclaration === "object" && event.errorDeclaration !== null,
  };
}

const LGTIN_DIGITAL_LINK = /^https?:\/\/[^/]+(?:\/[^/]+)*?\/01\/(\d{14})\/10\/([^/?#]+)$/;
const LGTIN_URN = /^urn:epc:class:lgtin:(\d{6,12})\.(\d{1,7})\.(.+)$/;

/**
 * The traceability lot code (GTIN-14 + lot code) a class-level identifier names — a GS1 Digital Link
 * `/01/{gtin}/10/{lot}` or an EPC class URI `urn:epc:class:lgtin:` — or null (e.g. a GTIN without lot).
 */
export function lotOfEpcClass(epcClass: string): { gtin: string; lotCode: string } | null {
  const link = LGTIN_DIGITAL_LINK.exec(epcClass);
  if (link) return { gtin: link[1] as string, lotCode: decodeURIComponent(link[2] as string) };
  const urn = LGTIN_URN.exec(epcClass);
  if (!urn) return null;
  const [, prefix, itemRef, lot] = urn as unknown as [string, string, string, string];
  if (prefix.length + itemRef.length !== 13) return null;
  // The item reference starts with the GTIN's indicator digit, which leads the GTIN.
  const data = `${itemRef[0]}${prefix}${itemRef.slice(1)}`;
  return { gtin: `${data}${gs1CheckDigit(data)}`, lotCode: decodeURIComponent(lot) };
}
