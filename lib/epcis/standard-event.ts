import { AppError } from "@/lib/errors";
import { CBV_WORDS } from "./cbv-words";
import { cteOfStandardEvent } from "./cte-of-event";
import type { EpcisEvent, JsonValue } from "./event";
import { eventHashId, type JsonLdContext, type StandardEvent } from "./event-hash";

// LotLedger's payload ⇄ a standard EPCIS 2.0 event. The EPCIS fields are the same; what EPCIS has no
// field for travels as user extensions in LotLedger's namespace: `lotledger:cte` (the FSMA event),
// `lotledger:kde` (key data elements), `lotledger:nonce` (the payload's eventId), ILMD keys as
// `lotledger:<key>`, and a word of LotLedger's own where CBV 2.0 has none (bizStep "transforming",
// the "harvestlog" document) as `lotledger:<word>`. So an exported event is schema-valid, and
// captured again it is the same standard event, with the same event hash ID.

/** The EPCIS 2.0 JSON-LD context; capture resolves it from the local copy, never the network. */
export const EPCIS_CONTEXT_URL = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
export const LOTLEDGER_NAMESPACE = "https://lotledger.dev/epcis/";
/** The @context of every document LotLedger writes: GS1's, and the prefix of its extensions. */
export const EPCIS_DOCUMENT_CONTEXT = [EPCIS_CONTEXT_URL, { lotledger: LOTLEDGER_NAMESPACE }];

const PREFIX = "lotledger:";
type Json = Record<string, unknown>;

/** EPCIS fields a payload and a standard event share, unchanged. */
const SHARED_FIELDS = new Set([
  "type",
  "eventTime",
  "eventTimeZoneOffset",
  "action",
  "readPoint",
  "bizLocation",
  "epcList",
  "quantityList",
  "parentID",
  "childEPCs",
  "childQuantityList",
  "inputEPCList",
  "inputQuantityList",
  "outputEPCList",
  "outputQuantityList",
  "sensorElementList",
  "persistentDisposition",
  "errorDeclaration",
  "transformationID",
]);
const PARTY_LISTS = { sourceList: "source", destinationList: "destination" } as const;
const LEDGER_TYPES = new Set(["ObjectEvent", "TransformationEvent", "AggregationEvent"]);

const rename = (o: Json, map: (key: string) => string) =>
  Object.fromEntries(Object.entries(o).map(([key, value]) => [map(key), value]));
const prefixed = (key: string) => (key.includes(":") ? key : `${PREFIX}${key}`);
const unprefixed = (key: string) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key);
/** A bare word CBV 2.0 does not define, as a URI of LotLedger's vocabulary. */
const ownWord = (words: ReadonlySet<string>, value: unknown) =>
  typeof value === "string" && !value.includes(":") && !words.has(value)
    ? `${PREFIX}${value}`
    : value;
const fromOwnWord = (value: unknown) => (typeof value === "string" ? unprefixed(value) : value);
const withType = (entry: Json, type: unknown) => (type === undefined ? entry : { ...entry, type });

/** A LotLedger payload as a standard EPCIS 2.0 event, its eventID the CBV 2.0 hash ID. */
export function toStandardEvent(payload: EpcisEvent): StandardEvent {
  const event: Json = {};
  for (const [key, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    if (SHARED_FIELDS.has(key)) event[key] = value;
    else if (key === "bizStep" || key === "disposition")
      event[key] = ownWord(CBV_WORDS[key], value);
    else if (key === "bizTransactionList") {
      event[key] = (value as Json[]).map(({ type, ...entry }) =>
        withType(entry, ownWord(CBV_WORDS.bizTransactionType, type)),
      );
    } else if (key in PARTY_LISTS) {
      const item = PARTY_LISTS[key as keyof typeof PARTY_LISTS];
      event[key] = (value as Json[]).map(({ type, id }) => ({
        type: ownWord(CBV_WORDS.sourceDestType, type),
        [item]: id,
      }));
    } else if (key === "ilmd") event.ilmd = rename(value as Json, prefixed);
    else if (key === "eventId") event[`${PREFIX}nonce`] = value;
    else event[prefixed(key)] = value;
  }
  return { eventID: eventHashId(event, EPCIS_DOCUMENT_CONTEXT), ...event };
}

/**
 * A standard EPCIS 2.0 event (schema-valid) as a LotLedger payload: the same fields back, the FSMA
 * event from `lotledger:cte` or else read from its type and business step; `context` is its
 * document's, for the hash ID that stands in for a nonce the event does not carry.
 */
export function fromStandardEvent(event: StandardEvent, context?: JsonLdContext): EpcisEvent {
  if (!LEDGER_TYPES.has(String(event.type))) {
    throw new AppError(
      "INVALID_INPUT",
      `LotLedger records ObjectEvents, AggregationEvents and TransformationEvents on lots; keep this ${String(event.type)} in the EPCIS repository only.`,
      { field: "type" },
    );
  }
  const payload: Json = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === "eventID" || key === "recordTime" || key.startsWith("@")) continue;
    if (SHARED_FIELDS.has(key)) payload[key] = value;
    else if (key === "bizStep" || key === "disposition") payload[key] = fromOwnWord(value);
    else if (key === "bizTransactionList") {
      payload[key] = (value as Json[]).map(({ type, ...entry }) =>
        withType(entry, fromOwnWord(type)),
      );
    } else if (key in PARTY_LISTS) {
      const item = PARTY_LISTS[key as keyof typeof PARTY_LISTS];
      payload[key] = (value as Json[]).map((e) => ({ type: fromOwnWord(e.type), id: e[item] }));
    } else if (key === "ilmd") payload.ilmd = rename(value as Json, unprefixed);
    else if (key === `${PREFIX}nonce`) payload.eventId = value;
    else payload[unprefixed(key)] = value;
  }
  payload.cte ??= cteOfStandardEvent(event);
  // A captured event without LotLedger's nonce is its own: its hash ID tells two captures apart.
  payload.eventId ??= eventHashId(event, context);
  return payload as EpcisEvent;
}

/** An EPCISDocument of standard events, in LotLedger's context. */
export function epcisDocument(
  events: StandardEvent[],
  { creationDate = new Date() }: { creationDate?: Date } = {},
): { [key: string]: JsonValue } {
  return {
    "@context": EPCIS_DOCUMENT_CONTEXT,
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: creationDate.toISOString(),
    epcisBody: { eventList: events as JsonValue[] },
  };
}
