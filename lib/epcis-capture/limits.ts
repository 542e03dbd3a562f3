import { EPCIS_VERSION_HEADERS } from "@/lib/epcis/respond";

// What LotLedger's capture interface takes, as OPTIONS /epcis/capture advertises it (EPCIS 2.0 REST
// bindings): a retailer's daily document of a few thousand events fits in one request, and a
// document up to SYNC_EVENTS events is answered at once, the rest by a capture job.

/** GS1-EPCIS-Capture-Limit: events per document. */
export const MAX_CAPTURE_EVENTS = 25_000;
/** GS1-EPCIS-Capture-File-Size-Limit: bytes per request (an event is ~0.5–2 kB of JSON). */
export const MAX_CAPTURE_BYTES = 32 * 1024 * 1024;
/** Documents of at most this many events are captured within the request (201/200). */
export const SYNC_EVENTS = 500;

/** OPTIONS /epcis/capture: the methods, the versions and the capture limits. */
export const CAPTURE_DISCOVERY_HEADERS = {
  Allow: "OPTIONS, POST, GET",
  ...EPCIS_VERSION_HEADERS,
  "GS1-EPCIS-Capture-Limit": String(MAX_CAPTURE_EVENTS),
  "GS1-EPCIS-Capture-File-Size-Limit": String(MAX_CAPTURE_BYTES),
  "GS1-Capture-Error-Behaviour": "rollback, proceed",
} as const;

export const CAPTURE_MEDIA_TYPES = ["application/ld+json", "application/json"];
