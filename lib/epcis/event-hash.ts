import { createHash } from "node:crypto";
import {
  asList,
  epcList,
  extensions,
  field,
  ordered,
  type Prefixes,
  parent,
  quantityList,
  sensorElementList,
  sorted,
  timeField,
  typedList,
} from "./hash-fields";
import { STANDARD_PREFIXES, VOCABULARY } from "./hash-values";

// The CBV 2.0 event hash ID (CBV 2.0 §8.9): the event's fields in the standard's canonical order,
// each value in one canonical spelling, concatenated with no separator into the pre-hash string,
// whose SHA-256 names the event as `ni:///sha-256;<hex>?ver=CBV2.0` (RFC 6920). The same event in
// XML or JSON-LD, with its lists in any order and its times in any zone, gets the same ID.

/** An EPCIS 2.0 event in its JSON(-LD) form; `@context`, if present, names its extension prefixes. */
export type StandardEvent = Record<string, unknown>;
/** A JSON-LD @context as an EPCIS document carries it: a URL, an object of prefixes, or a list. */
export type JsonLdContext = unknown;
type Json = Record<string, unknown>;

/**
 * Standard fields outside the pre-hash string: the type (it leads it), the ID itself, when the event
 * was stored, an error declaration (the declaration of an event carries that event's own ID), and
 * certificationInfo, which CBV 2.0's canonical property order does not list.
 */
const EXCLUDED = new Set([
  "type",
  "eventID",
  "recordTime",
  "errorDeclaration",
  "certificationInfo",
]);

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
