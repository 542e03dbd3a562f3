import { XMLParser } from "fast-xml-parser";

// EPCIS 2.0 XML → the JSON form of its events, enough to show that an event hashes the same in both
// syntaxes. XML keeps lists as wrapper elements and some fields as attributes; JSON has arrays and
// keys. Namespaced extension elements keep their prefix, and the prefixes become the JSON-LD context.

type Json = Record<string, unknown>;

const EVENT_TYPES = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
];
/** List fields and the element each item is wrapped in. */
const LISTS: Record<string, string> = {
  epcList: "epc",
  childEPCs: "epc",
  inputEPCList: "epc",
  outputEPCList: "epc",
  quantityList: "quantityElement",
  childQuantityList: "quantityElement",
  inputQuantityList: "quantityElement",
  outputQuantityList: "quantityElement",
  sensorElementList: "sensorElement",
  correctiveEventIDs: "correctiveEventID",
};
/** Lists whose items carry their type as an attribute: `<source type="…">id</source>`. */
const TYPED_LISTS: Record<string, string> = {
  bizTransactionList: "bizTransaction",
  sourceList: "source",
  destinationList: "destination",
};
const REPEATED = new Set(["sensorReport", "set", "unset"]);

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** An element as JSON: attributes become keys (XML schema hints dropped), text alone a string. */
function plain(node: unknown): unknown {
  if (typeof node !== "object" || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (/^@_(xmlns|xsi:)/.test(key)) continue;
    const name = key.startsWith("@_") ? key.slice(2) : key;
    out[name] = Array.isArray(value) ? value.map(plain) : plain(value);
  }
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === "#text" ? out["#text"] : out;
}

function eventFromXml(type: string, element: Json): Json {
  const event: Json = { type };
  for (const [key, value] of Object.entries(element)) {
    if (key.startsWith("@_")) continue;
    const item = LISTS[key];
    const typedItem = TYPED_LISTS[key];
    if (item) {
      event[key] = asList((value as Json)?.[item]).map((v) => sensorElement(key, plain(v)));
    } else if (typedItem) {
      event[key] = asList((value as Json)?.[typedItem]).map((v) => {
        const entry = plain(v);
        return typeof entry === "string"
          ? { [typedItem]: entry }
          : { [typedItem]: (entry as Json)["#text"], type: (entry as Json).type };
      });
    } else {
      event[key] = repeatedAsLists(plain(value));
    }
  }
  return event;
}

function sensorElement(list: string, element: unknown): unknown {
  return list === "sensorElementList" ? repeatedAsLists(element) : element;
}

function repeatedAsLists(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, REPEATED.has(k) ? asList(v) : v]),
  );
}

/** The events of an EPCIS XML document as JSON events, with the document's namespace prefixes. */
export function readEpcisXmlEvents(xml: string): { context: Json; events: Json[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    removeNSPrefix: false,
  });
  const document = Object.entries(parser.parse(xml) as Json).find(([key]) =>
    key.endsWith("EPCISDocument"),
  )?.[1] as Json;
  const context = Object.fromEntries(
    Object.entries(document)
      .filter(([key]) => key.startsWith("@_xmlns:"))
      .map(([key, value]) => [key.slice("@_xmlns:".length), value]),
  );
  const eventList = ((document.EPCISBody as Json).EventList ?? {}) as Json;
  const events = Object.entries(eventList).flatMap(([type, elements]) =>
    EVENT_TYPES.includes(type) ? asList(elements).map((e) => eventFromXml(type, e as Json)) : [],
  );
  return { context, events };
}
