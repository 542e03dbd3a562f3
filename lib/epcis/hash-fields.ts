import { canonicalTime, canonicalValue, VOCABULARY } from "./hash-values";

// The pieces of the CBV 2.0 pre-hash string (§8.9.2): a field is `name=value`, a list its name then
// its items sorted, a structure its name then its standard fields in their order then its user
// extensions (`{namespace}local=value`) sorted. A part with no value is left out entirely.

type Json = Record<string, unknown>;
/** Extension prefixes and the namespace IRIs they stand for. */
export type Prefixes = Record<string, string>;

const IGNORED_KEYS = new Set(["rdfs:comment", "comment", "#text"]);

export const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
// The standard sorts by UTF-8 bytes, i.e. by code point. JavaScript compares UTF-16 units, which
// agrees except where a surrogate pair (a character past U+FFFF) meets U+E000–U+FFFF.
const SURROGATE = /[\uD800-\uDFFF]/;
const byCodePoint = (a: string, b: string) =>
  SURROGATE.test(a) || SURROGATE.test(b)
    ? Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"))
    : a < b
      ? -1
      : a > b
        ? 1
        : 0;
/** The parts joined in the standard's order. */
export const sorted = (parts: string[]) => [...parts].sort(byCodePoint).join("");
export const field = (name: string, value: unknown, vocabulary?: string) =>
  value === undefined || value === null || value === ""
    ? ""
    : `${name}=${canonicalValue(value, vocabulary)}`;
export const timeField = (name: string, value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? `${name}=${canonicalTime(value)}` : "";
/** A parent with its children, or nothing when no child has a value. */
export const parent = (name: string, body: string) => (body ? `${name}${body}` : "");

export function epcList(name: string, value: unknown): string {
  return parent(
    name,
    sorted(
      asList(value)
        .map((epc) => field("epc", epc))
        .filter(Boolean),
    ),
  );
}

export function quantityList(name: string, value: unknown): string {
  const elements = asList(value).map((element) => {
    const q = element as Json;
    const body =
      field("epcClass", q.epcClass) + field("quantity", q.quantity) + field("uom", q.uom);
    return parent("quantityElement", body);
  });
  return parent(name, sorted(elements.filter(Boolean)));
}

/**
 * bizTransactionList, sourceList, destinationList: each entry its type then its identifier, the
 * entries then sorted (rule 13), as GS1's reference implementations spell them since CBV 2.0.
 */
export function typedList(name: string, item: string, vocabulary: string, value: unknown): string {
  const entries = asList(value).map((entry) => {
    const e = entry as Json;
    return field("type", e.type, vocabulary) + field(item, e[item]);
  });
  return parent(name, sorted(entries.filter(Boolean)));
}

const METADATA_ORDER = [
  "time",
  "startTime",
  "endTime",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "bizRules",
];
const REPORT_ORDER = [
  "type",
  "exception",
  "deviceID",
  "deviceMetadata",
  "rawData",
  "dataProcessingMethod",
  "time",
  "microorganism",
  "chemicalSubstance",
  "value",
  "component",
  "stringValue",
  "booleanValue",
  "hexBinaryValue",
  "uriValue",
  "minValue",
  "maxValue",
  "meanValue",
  "sDev",
  "percRank",
  "percValue",
  "uom",
  "coordinateReferenceSystem",
];
const REPORT_VOCABULARY: Record<string, string> = {
  type: VOCABULARY.measurement,
  exception: VOCABULARY.measurement,
  component: VOCABULARY.component,
};

/** An object's standard fields in their order, then its user extensions (rule 21). */
export function ordered(
  name: string,
  value: unknown,
  order: string[],
  prefixes: Prefixes,
  vocab: Record<string, string> = {},
): string {
  if (typeof value !== "object" || value === null) return "";
  const o = value as Json;
  const standard = order
    .map((key) => (/time/i.test(key) ? timeField(key, o[key]) : field(key, o[key], vocab[key])))
    .join("");
  return parent(name, standard + extensions(o, new Set(order), prefixes));
}

export function sensorElementList(value: unknown, prefixes: Prefixes): string {
  const elements = asList(value).map((element) => {
    const e = element as Json;
    const metadata = ordered("sensorMetadata", e.sensorMetadata, METADATA_ORDER, prefixes);
    const reports = asList(e.sensorReport).map((r) =>
      ordered("sensorReport", r, REPORT_ORDER, prefixes, REPORT_VOCABULARY),
    );
    const own = extensions(e, new Set(["sensorMetadata", "sensorReport"]), prefixes);
    return parent("sensorElement", metadata + sorted(reports.filter(Boolean)) + own);
  });
  return parent("sensorElementList", sorted(elements.filter(Boolean)));
}

/** User extensions as `{namespace}local=value`, nested ones after their parent, all sorted. */
export function extensions(o: Json, standard: Set<string>, prefixes: Prefixes): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    if (standard.has(key) || IGNORED_KEYS.has(key) || key.startsWith("@")) continue;
    const name = expandKey(key, prefixes);
    for (const item of asList(value)) parts.push(extension(name, item, prefixes));
  }
  return sorted(parts.filter(Boolean));
}

function extension(name: string, value: unknown, prefixes: Prefixes): string {
  if (typeof value === "object" && value !== null) {
    // An XML element's text beside its children, or a JSON-LD value object's value.
    const text = (value as Json)["#text"] ?? (value as Json)["@value"];
    const own = text === undefined ? "" : `=${canonicalValue(text)}`;
    return `${name}${own}${extensions(value as Json, new Set(), prefixes)}`;
  }
  return value === null || value === "" ? name : `${name}=${canonicalValue(value)}`;
}

function expandKey(key: string, prefixes: Prefixes): string {
  const colon = key.indexOf(":");
  const namespace = colon > 0 ? prefixes[key.slice(0, colon)] : undefined;
  return namespace === undefined ? key : `{${namespace}}${key.slice(colon + 1)}`;
}
