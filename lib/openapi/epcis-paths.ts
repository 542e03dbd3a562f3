import { QUERY_PARAMETERS } from "@/lib/epcis-query/query-params";
import { fields, operation } from "./operation";

// The EPCIS 2.0 REST bindings' paths LotLedger answers (docs/epcis.md).

const QUERY_DOCUMENT = { $ref: "#/components/schemas/EPCISQueryDocument" };
const COLLECTION = { $ref: "#/components/schemas/Collection" };
const PAGING = ["perPage", "nextPageToken"];
const listing = (path: string, what: string) => ({
  get: operation(path, `The distinct ${what} of the events you may see.`, {
    answer: COLLECTION,
    query: PAGING,
  }),
});

export const EPCIS_PATHS = {
  "/epcis/events": {
    get: operation(
      "/epcis/events",
      "Events by the standard query parameters, those you may see (Link rel=next).",
      {
        answer: QUERY_DOCUMENT,
        query: QUERY_PARAMETERS,
      },
    ),
  },
  "/epcis/events/{eventID}": {
    get: operation("/epcis/events/{eventID}", "One event by its URL-encoded hash ID.", {
      answer: QUERY_DOCUMENT,
    }),
  },
  "/epcis/eventTypes": {
    get: operation("/epcis/eventTypes", "The event types LotLedger stores.", {
      answer: COLLECTION,
    }),
  },
  "/epcis/bizSteps": listing("/epcis/bizSteps", "business steps"),
  "/epcis/dispositions": listing("/epcis/dispositions", "dispositions"),
  "/epcis/readPoints": listing("/epcis/readPoints", "read points"),
  "/epcis/bizLocations": listing("/epcis/bizLocations", "business locations"),
  "/epcis/epcs": listing("/epcis/epcs", "EPCs"),
  "/epcis/queries": {
    get: operation("/epcis/queries", "Your organisation's named queries."),
    post: operation("/epcis/queries", "Store a named query { name, query }.", {
      body: {
        type: "object",
        properties: { name: { type: "string" }, query: { type: "object" } },
        required: ["name", "query"],
      },
      status: 201,
    }),
  },
  "/epcis/queries/{queryName}": {
    get: operation("/epcis/queries/{queryName}", "A named query's definition."),
    delete: operation("/epcis/queries/{queryName}", "Delete a named query and its subscriptions.", {
      status: 204,
    }),
  },
  "/epcis/queries/{queryName}/events": {
    get: operation("/epcis/queries/{queryName}/events", "A named query's events.", {
      answer: QUERY_DOCUMENT,
      query: PAGING,
    }),
  },
  "/epcis/queries/{queryName}/subscriptions": {
    get: operation(
      "/epcis/queries/{queryName}/subscriptions",
      "A named query's webhook subscriptions.",
    ),
    post: operation(
      "/epcis/queries/{queryName}/subscriptions",
      "Subscribe a webhook: { dest, signatureToken?, stream: true, initialRecordTime? }.",
      {
        body: {
          ...fields("dest", "signatureToken?", "initialRecordTime?"),
          properties: {
            ...(fields("dest", "signatureToken?", "initialRecordTime?").properties as object),
            stream: { const: true },
          },
        },
        status: 201,
      },
    ),
  },
  "/epcis/queries/{queryName}/subscriptions/{subscriptionID}": {
    delete: operation(
      "/epcis/queries/{queryName}/subscriptions/{subscriptionID}",
      "End a subscription.",
      { status: 204 },
    ),
  },
};
