import jsonld from "jsonld";
import type { RemoteDocument } from "jsonld/jsonld-spec";
import bizStep from "./standard/contexts/cbv-context-bizstep.json";
import bizTransactionType from "./standard/contexts/cbv-context-biztransaction-type.json";
import component from "./standard/contexts/cbv-context-component.json";
import disposition from "./standard/contexts/cbv-context-disposition.json";
import errorReason from "./standard/contexts/cbv-context-error-reason.json";
import sourceDestType from "./standard/contexts/cbv-context-sourcedest-type.json";
import epcis from "./standard/contexts/epcis-context.json";
import epcisRoot from "./standard/contexts/epcis-context-root.json";
import epcisSimple from "./standard/contexts/epcis-context-simple.json";
import measurementType from "./standard/contexts/gs1-context-measurement-type.json";
import sensorAlertType from "./standard/contexts/gs1-context-sensor-alert-type.json";

// A captured document's @context is processed as JSON-LD, so a document whose terms a JSON-LD
// consumer would read differently (a protected EPCIS term redefined, a malformed context) is refused
// before anything of it is stored. Contexts load from the copies in ./standard only: a capture never
// reaches the network, so it cannot hang on, or be steered by, a remote server.

const FILES: Record<string, object> = {
  "epcis-context.jsonld": epcis,
  "epcis-context-root.jsonld": epcisRoot,
  "epcis-context-simple.jsonld": epcisSimple,
  "cbv-context-bizstep.jsonld": bizStep,
  "cbv-context-biztransaction-type.jsonld": bizTransactionType,
  "cbv-context-component.jsonld": component,
  "cbv-context-disposition.jsonld": disposition,
  "cbv-context-error-reason.jsonld": errorReason,
  "cbv-context-sourcedest-type.jsonld": sourceDestType,
  "gs1-context-measurement-type.jsonld": measurementType,
  "gs1-context-sensor-alert-type.jsonld": sensorAlertType,
};

/** Where GS1 publishes the contexts: the 2.0.0 release, the current alias, and the repository's pages. */
const PUBLISHED_AT = [
  "https://ref.gs1.org/standards/epcis/2.0.0/",
  "https://ref.gs1.org/standards/epcis/",
  "https://gs1.github.io/EPCIS/",
];

const LOCAL_CONTEXTS = new Map<string, object>(
  PUBLISHED_AT.flatMap((base) =>
    Object.entries(FILES).map(([name, document]) => [`${base}${name}`, document] as const),
  ),
);

class UnknownContextError extends Error {}

const unknownContext = (url: string) =>
  `The JSON-LD context “${url}” is not one LotLedger has a copy of (it loads the EPCIS 2.0 and CBV contexts only, never from the network): refer to https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld and declare your own terms in an inline context object.`;

async function documentLoader(url: string): Promise<RemoteDocument> {
  const document = LOCAL_CONTEXTS.get(url);
  if (!document) throw new UnknownContextError(unknownContext(url));
  return { documentUrl: url, document: document as RemoteDocument["document"] };
}

type JsonLdError = Error & { details?: { code?: string; term?: string; cause?: unknown } };

function reasonOf(error: JsonLdError): string {
  const cause = error.details?.cause;
  if (cause instanceof UnknownContextError) return cause.message;
  if (error.details?.code === "protected term redefinition") {
    return `The @context redefines “${error.details.term}”, a term the EPCIS context protects: remove that definition (the EPCIS context already defines it) and send the document again.`;
  }
  const message = error.message.replace(/\.$/, "");
  return `The @context is not valid JSON-LD (${message}): correct it and send the document again.`;
}

/** Results by context, as JSON: a partner sends the same few contexts with every document. */
const checked = new Map<string, string | null>();
const MAX_CACHED = 500;

/**
 * Why a document's (or event's) `@context` cannot be processed as JSON-LD, in one sentence, or null
 * when it can. Only the context is processed, on a one-term stand-in: the cost does not grow with
 * the number of events.
 */
export async function jsonLdContextIssue(context: unknown): Promise<string | null> {
  if (context === undefined) return null;
  const key = JSON.stringify(context);
  const known = checked.get(key);
  if (known !== undefined) return known;
  let reason: string | null = null;
  try {
    await jsonld.expand(
      { "@context": context as jsonld.ContextDefinition, "@id": "urn:lotledger:context-check" },
      { documentLoader },
    );
  } catch (error) {
    reason = reasonOf(error as JsonLdError);
  }
  if (checked.size >= MAX_CACHED) checked.clear();
  checked.set(key, reason);
  return reason;
}
