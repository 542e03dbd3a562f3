import { createHash } from "node:crypto";
import { canonicalTime, canonicalValue, STANDARD_PREFIXES, VOCABULARY } from "./hash-values";

// The CBV 2.0 event hash ID (CBV 2.0 §8.9): the event's fields in the standard's canonical order,
// each value in one canonical spelling, concatenated with no separator into the pre-hash string,
// whose SHA-256 names the event as `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920). The same event in
// XML or JSON-LD, with its lists in any order and its times in any zone, gets the same ID.

/** An EPCIS 2.0 event in its JSON(-LD) form; `@context`, if present, names its extension prefixes. */
export type StandardEvent = Record<string, unknown>;
/** A JSON-LD @context as an EPCIS document carries it: a URL, an object of prefixes, or a list. */
export type JsonLdContext = unknown;
type Json = Record<string, unknown>;

/** Fields the hash leaves out: the ID itself, when it was stored, and an error declaration (so
 * the declaration of an event carries that event's own ID). */
const EXCLUDED = new Set([
  "type",
  "eventID",
  "recordTime",
  "errorDeclaration",
  "certificationInfo",
]);
const IGNORED_KEYS = new Set(["@context", "rdfs:comment", "comment", "#text"]);

const asList = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const sorted = (parts: string[]) =>
  [...parts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join("");
const field = (name: string, value: unknown, vocabulary?: string) =>
  value === undefined || value === null || value === ""
    ? ""
    : `${name}=${canonicalValue(value, vocabulary)}`;
const timeField = (name: string, value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? `${name}=${canonicalTime(value)}` : "";
/** A parent with its children, or nothing when no child has a value. */
const parent = (name: string, body: string) => (body ? `${name}${body}` : "");

function epcList(name: string, value: unknown): string {
  return parent(
    name,
    sorted(
      asList(value)
        .map((epc) => field("epc", epc))
        .filter(Boolean),
    ),
  );
}

function quantityList(name: string, value: unknown): string {
  const elements = asList(value).map((element) => {
    const q = element as Json;
    const body =
      field("epcClass", q.epcClass) + field("quantity", q.quantity) + field("uom", q.uom);
    return parent("quantityElement", body);
  });
  return parent(name, sorted(elements.filter(Boolean)));
}

/** bizTransactionList, sourceList, destinationList: the identifier, then its type (rule 13). */
function typedList(name: string, item: string, vocabulary: string, value: unknown): string {
  const entries = asList(value).map((entry) => {
    const e = entry as Json;
    return field(item, e[item]) + field("type", e.type, vocabulary);
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
function ordered(
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

function sensorElementList(value: unknown, prefixes: Prefixes): string {
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

type Prefixes = Record<string, string>;
type Part = (event: Json, prefixes: Prefixes) => string;

const simple = (name: string, vocabulary?: string): [string, Part] => [
  name,
  (e) => field(name, e[name], vocabulary),
];
const epcs = (name: string): [string, Part] => [name, (e) => epcList(name, e[name])];
const quantities = (name: string): [string, Part] => [name, (e) => quantityList(name, e[name])];
const location = (name: string): [string, Part] => [
  name,
  (e, p) => ordered(name, e[name], ["id"], p),
];

/** The canonical property order (CBV 2.0 §8.9.2), the same for every event type. */
const CANONICAL_ORDER: [string, Part][] = [
  ["eventTime", (e) => timeField("eventTime", e.eventTime)],
  simple("eventTimeZoneOffset"),
  epcs("epcList"),
  simple("parentID"),
  epcs("inputEPCList"),
  epcs("childEPCs"),
  quantities("quantityList"),
  quantities("childQuantityList"),
  quantities("inputQuantityList"),
  epcs("outputEPCList"),
  quantities("outputQuantityList"),
  simple("action"),
  simple("transformationID"),
  simple("bizStep", VOCABULARY.bizStep),
  simple("disposition", VOCABULARY.disposition),
  [
    "persistentDisposition",
    (e) => {
      const p = (e.persistentDisposition ?? {}) as Json;
      const list = (key: string) =>
        sorted(asList(p[key]).map((d) => field(key, d, VOCABULARY.disposition)));
      return parent("persistentDisposition", list("set") + list("unset"));
    },
  ],
  location("readPoint"),
  location("bizLocation"),
  [
    "bizTransactionList",
    (e) =>
      typedList(
        "bizTransactionList",
        "bizTransaction",
        VOCABULARY.bizTransactionType,
        e.bizTransactionList,
      ),
  ],
  ["sourceList", (e) => typedList("sourceList", "source", VOCABULARY.sourceDestType, e.sourceList)],
  [
    "destinationList",
    (e) =>
      typedList("destinationList", "destination", VOCABULARY.sourceDestType, e.destinationList),
  ],
  ["sensorElementList", (e, p) => sensorElementList(e.sensorElementList, p)],
  ["ilmd", (e, p) => parent("ilmd", extensions((e.ilmd ?? {}) as Json, new Set(), p))],
];
const STANDARD_FIELDS = new Set([...CANONICAL_ORDER.map(([name]) => name), ...EXCLUDED]);

/** User extensions as `{namespace}local=value`, nested ones after their parent, all sorted. */
function extensions(o: Json, standard: Set<string>, prefixes: Prefixes): string {
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
    const text = (value as Json)["#text"];
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

/** The prefixes an event's JSON-LD context defines, over the standard ones. */
export function contextPrefixes(context: JsonLdContext): Prefixes {
  const prefixes: Prefixes = { ...STANDARD_PREFIXES };
  for (const entry of asList(context)) {
    if (typeof entry !== "object" || entry === null) continue;
    for (const [prefix, iri] of Object.entries(entry)) {
      const id = typeof iri === "string" ? iri : (iri as Json | null)?.["@id"];
      if (typeof id === "string" && !prefix.startsWith("@") && !(prefix in STANDARD_PREFIXES))
        prefixes[prefix] = id;
    }
  }
  return prefixes;
}

/** The canonical pre-hash string of an event (CBV 2.0 §8.9); `context` defaults to the event's own. */
export function preHashString(event: StandardEvent, context?: JsonLdContext): string {
  const prefixes = contextPrefixes(context ?? event["@context"]);
  const body = CANONICAL_ORDER.map(([, part]) => part(event, prefixes)).join("");
  return `eventType=${String(event.type)}${body}${extensions(event, STANDARD_FIELDS, prefixes)}`;
}

/** The event hash ID, `ni:///sha-256;<hex>?ver=CBV2.0`, of an EPCIS 2.0 event. */
export function eventHashId(event: StandardEvent, context?: JsonLdContext): string {
  const digest = createHash("sha256").update(preHashString(event, context), "utf8").digest("hex");
  return `ni:///sha-256;${digest}?ver=CBV2.0`;
}
