import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { type EpcisIssue, schemaIssueOf } from "./schema-issue";
import schema from "./standard/epcis-json-schema.json";

// GS1's ratified EPCIS 2.0.1 JSON schema, compiled once per process (~120 ms), validates what is
// captured. A valid document is checked whole in one pass; only a document that fails is checked
// again event by event, so that each rejected event is named with its own field and reason.

const SCHEMA_ID = schema.$id;

type Validators = { root: ValidateFunction; documentEvent: ValidateFunction };
let validators: Validators | null = null;

function compiled(): Validators {
  if (!validators) {
    // strict: false — GS1's schema uses keywords (e.g. an `if` without `then`) strict mode refuses.
    const ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addSchema(schema);
    validators = {
      root: ajv.getSchema(SCHEMA_ID) as ValidateFunction,
      documentEvent: ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/EPCIS-Document-Event` }),
    };
  }
  return validators;
}

/** A validator's verdict as a plain boolean: its type guard would narrow the caller's value to never. */
const passes = (validate: ValidateFunction, data: unknown): boolean => validate(data);

export type DocumentSchemaCheck = {
  /** What is wrong with the document itself (its header, its body), if anything. */
  documentIssue: EpcisIssue | null;
  /** Each event that fails the schema, by its index in eventList: its field is the event's own pointer. */
  eventIssues: Map<number, EpcisIssue>;
};

/** An EPCISDocument against the schema: the document's own issue and each event's. */
export function checkDocumentSchema(document: Record<string, unknown>): DocumentSchemaCheck {
  const { root, documentEvent } = compiled();
  const eventIssues = new Map<number, EpcisIssue>();
  if (passes(root, document)) return { documentIssue: null, eventIssues };
  const body = document.epcisBody as { eventList?: unknown } | undefined;
  const events = Array.isArray(body?.eventList) ? body.eventList : [];
  events.forEach((event, index) => {
    if (!passes(documentEvent, event)) {
      eventIssues.set(index, schemaIssueOf(documentEvent.errors ?? [], event));
    }
  });
  // The document's own fields, its events aside (each is judged above).
  const shell = { ...document, epcisBody: { ...(body ?? {}), eventList: [] } };
  const documentIssue = Array.isArray(body?.eventList)
    ? passes(root, shell)
      ? null
      : schemaIssueOf(root.errors ?? [], shell)
    : schemaIssueOf(root.errors ?? [], document);
  return { documentIssue, eventIssues };
}

/** One event sent on its own (POST /epcis/events): it must carry its @context. */
export function checkEventSchema(event: unknown): EpcisIssue | null {
  const { root } = compiled();
  return passes(root, event) ? null : schemaIssueOf(root.errors ?? [], event);
}

/** The CBV words the schema lists for a field (bizStep, disposition). */
export function cbvWordsOf(definition: "bizStep" | "disposition"): ReadonlySet<string> {
  const alternatives = schema.definitions[definition].anyOf as { enum?: string[] }[];
  return new Set(alternatives.flatMap((alternative) => alternative.enum ?? []));
}
