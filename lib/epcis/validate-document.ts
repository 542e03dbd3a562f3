import { cbvIssueOf } from "./cbv-vocabulary";
import { checkDocumentSchema, checkEventSchema } from "./epcis-schema";
import { contextPrefixes } from "./event-hash";
import { jsonLdContextIssue } from "./json-ld-context";
import type { EpcisIssue } from "./schema-issue";
import { EPCIS_DOCUMENT_CONTEXT } from "./standard-event";

// What a capture checks before anything is stored: GS1's 2.0.1 JSON schema, the CBV words of GS1's
// own vocabulary, and the JSON-LD contexts (loaded from local copies). Pure: no database, no chain.

export type { EpcisIssue };

type Json = Record<string, unknown>;

export type DocumentCheck = {
  /**
   * The document's events as sent (empty when the body is no EPCISDocument); an event without a
   * @context of its own gets the document's when that defines prefixes beyond GS1's and LotLedger's,
   * so that the stored event still names its extensions' namespaces (its hash ID reads them).
   */
  events: Json[];
  /** The document's @context: the prefixes an event's hash ID reads its extension fields with. */
  context: unknown;
  /** What makes the whole document unacceptable (its header, its @context), if anything. */
  documentIssue: EpcisIssue | null;
  /** Each rejected event by its index in eventList; the field is a pointer into the event. */
  eventIssues: Map<number, EpcisIssue>;
};

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An EPCISDocument as POST /epcis/capture receives it, checked whole and event by event. */
export async function validateEpcisDocument(document: unknown): Promise<DocumentCheck> {
  const none = (documentIssue: EpcisIssue): DocumentCheck => ({
    events: [],
    context: undefined,
    documentIssue,
    eventIssues: new Map(),
  });
  if (!isObject(document)) {
    return none({
      field: "",
      reason:
        "The body must be an EPCISDocument: a JSON object with “type”: “EPCISDocument” and its events in epcisBody.eventList.",
    });
  }
  if (document.type !== "EPCISDocument") {
    return none({
      field: "/type",
      reason: `A capture takes an EPCISDocument, and this is ${typeof document.type === "string" ? `an “${document.type}”` : "of no type"}: send the events in an EPCISDocument's epcisBody.eventList, or one event to /epcis/events.`,
    });
  }
  const { documentIssue, eventIssues } = checkDocumentSchema(document);
  const eventList = (document.epcisBody as Json | undefined)?.eventList;
  const sent = Array.isArray(eventList) ? (eventList as Json[]) : [];
  const context = document["@context"];
  const events = definesOwnPrefixes(context)
    ? sent.map((e) =>
        isObject(e) && e["@context"] === undefined ? { "@context": context, ...e } : e,
      )
    : sent;
  const contextIssue = await jsonLdContextIssue(document["@context"]);
  for (const [index, event] of events.entries()) {
    if (eventIssues.has(index)) continue;
    const issue = await ownIssueOf(event);
    if (issue) eventIssues.set(index, issue);
  }
  return {
    events,
    context,
    documentIssue:
      documentIssue ?? (contextIssue ? { field: "/@context", reason: contextIssue } : null),
    eventIssues,
  };
}

/** Whether a context defines prefixes beyond those every LotLedger document defines. */
function definesOwnPrefixes(context: unknown): boolean {
  const known = contextPrefixes(EPCIS_DOCUMENT_CONTEXT);
  return Object.entries(contextPrefixes(context)).some(([prefix, iri]) => known[prefix] !== iri);
}

/** One event as POST /epcis/events receives it (with its own @context); null when it is fine. */
export async function validateEpcisEvent(event: unknown): Promise<EpcisIssue | null> {
  if (isObject(event) && event.type === "EPCISDocument") {
    return {
      field: "/type",
      reason: "This is an EPCISDocument: send it to /epcis/capture, or send one event here.",
    };
  }
  const issue = checkEventSchema(event);
  if (issue) return issue;
  return ownIssueOf(event as Json);
}

/** What the schema cannot see: CBV words of GS1's vocabulary, and an event's own @context. */
async function ownIssueOf(event: Json): Promise<EpcisIssue | null> {
  const cbv = cbvIssueOf(event);
  if (cbv) return cbv;
  if (event["@context"] === undefined) return null;
  const reason = await jsonLdContextIssue(event["@context"]);
  return reason ? { field: "/@context", reason } : null;
}
