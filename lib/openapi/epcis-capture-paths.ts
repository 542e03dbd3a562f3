import { fields, operation } from "./operation";

// The EPCIS 2.0 REST bindings' capture paths (docs/epcis.md#capture).

const DOCUMENT = { $ref: "#/components/schemas/EPCISDocument" };
const JOB = fields("captureID", "running", "success", "captureErrorBehaviour", "errors");

export const EPCIS_CAPTURE_PATHS = {
  "/epcis/capture": {
    post: operation(
      "/epcis/capture",
      "Capture an EPCISDocument (GS1-Capture-Error-Behaviour rollback | proceed): 201/200 with each event accepted, rejected or duplicate for a small document, 202 and a capture job for a large one.",
      { body: DOCUMENT, status: 202, answer: JOB },
    ),
    get: operation("/epcis/capture", "Your organisation's latest capture jobs, newest first.", {
      answer: { type: "array", items: JOB },
    }),
  },
  "/epcis/capture/{jobId}": {
    get: operation(
      "/epcis/capture/{jobId}",
      "A capture job: running, success, and each error with its event and field.",
      { answer: JOB },
    ),
  },
};

/** POST /epcis/events: one event, beside the query's GET of the same path. */
export const CAPTURE_ONE_EVENT = operation(
  "/epcis/events",
  "Capture one event (with its @context): 201 with Location; 409 when LotLedger holds it already, unless it is an error declaration.",
  { body: { type: "object" }, status: 201, answer: JOB },
);
