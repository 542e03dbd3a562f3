import { canonicalIdentifier } from "./epc-digital-link";

// The value rules of CBV 2.0 §8.9 (the event hash ID): one spelling per value, whether the event came
// as XML (everything a string) or as JSON-LD (numbers, booleans, bare vocabulary words, CURIEs).

/** The namespaces of the EPCIS 2.0 JSON-LD context a CURIE may use in a value. */
export const STANDARD_PREFIXES: Readonly<Record<string, string>> = {
  epcis: "https://ref.gs1.org/epcis/",
  cbv: "https://ref.gs1.org/cbv/",
  gs1: "https://gs1.org/voc/",
  // XML binds the master-data namespace without the trailing colon the JSON-LD context gives it.
  cbvmda: "urn:epcglobal:cbv:mda",
};

/** Where a bare vocabulary word of a field expands to (JSON-LD "@vocab" terms of the context). */
export const VOCABULARY = {
  bizStep: "https://ref.gs1.org/cbv/BizStep-",
  disposition: "https://ref.gs1.org/cbv/Disp-",
  bizTransactionType: "https://ref.gs1.org/cbv/BTT-",
  sourceDestType: "https://ref.gs1.org/cbv/SDT-",
  errorReason: "https://ref.gs1.org/cbv/ER-",
  component: "https://ref.gs1.org/cbv/Comp-",
  measurement: "https://gs1.org/voc/",
} as const;

const CBV_URNS: [string, string][] = [
  ["urn:epcglobal:cbv:bizstep:", VOCABULARY.bizStep],
  ["urn:epcglobal:cbv:disp:", VOCABULARY.disposition],
  ["urn:epcglobal:cbv:btt:", VOCABULARY.bizTransactionType],
  ["urn:epcglobal:cbv:sdt:", VOCABULARY.sourceDestType],
  ["urn:epcglobal:cbv:er:", VOCABULARY.errorReason],
  // CBV 1.2's chemical identifiers became identifiers.org URIs in CBV 2.0.
  ["urn:epcglobal:cbv:inchikey:", "https://identifiers.org/inchikey:"],
  ["urn:epcglobal:cbv:inchi:", "https://identifiers.org/inchi:"],
];

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A number without trailing zeros or a leading "+": 26.0 → "26", "0.50" → "0.5". */
function canonicalNumber(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A timestamp in UTC at millisecond precision ("2005-04-04T02:33:31.116Z"), one without a zone read
 * as UTC; other text as it is.
 */
export function canonicalTime(text: string): string {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return text.trim();
  const [, y, mo, d, h, mi, s, fraction = "", zone = "Z"] = match as unknown as string[];
  const micros = Number(fraction.padEnd(6, "0").slice(0, 6));
  const sign = zone.startsWith("-") ? -1 : 1;
  const offset = zone === "Z" ? 0 : sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const utc =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) +
    Math.round(micros / 1000) -
    offset * 60_000;
  return new Date(utc).toISOString();
}

/** A value as the pre-hash string spells it; `vocabulary` expands a bare word of that field. */
export function canonicalValue(value: unknown, vocabulary?: string): string {
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") return canonicalNumber(value);
  const text = String(value).trim();
  if (vocabulary && /^[A-Za-z0-9_]+$/.test(text) && !DECIMAL.test(text))
    return `${vocabulary}${text}`;
  for (const [urn, web] of CBV_URNS)
    if (text.startsWith(urn)) return `${web}${text.slice(urn.length)}`;
  const curie = /^(epcis|cbv|gs1):([^/].*)$/.exec(text);
  if (curie) return `${STANDARD_PREFIXES[curie[1] as string]}${curie[2]}`;
  if (DECIMAL.test(text)) return canonicalNumber(Number(text));
  return canonicalIdentifier(text) ?? text;
}
