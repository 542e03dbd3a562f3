import { API_PATHS } from "./api-paths";
import { CAPTURE_ONE_EVENT, EPCIS_CAPTURE_PATHS } from "./epcis-capture-paths";
import { EPCIS_PATHS } from "./epcis-paths";

// The OpenAPI 3.1 document of LotLedger's API, served at /api/openapi.json. EPCIS documents are
// described by reference to GS1's own schema, not copied.

const GS1_SCHEMA = "https://ref.gs1.org/standards/epcis/2.0.1/epcis-json-schema.json";

export function openApiDocument(appUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "LotLedger API",
      version: "1.0.0",
      description:
        "Lots, events, pallets, recalls and exports (docs/api.md), and the EPCIS 2.0 capture and query interface of GS1's REST bindings (docs/epcis.md).",
    },
    servers: [{ url: appUrl }],
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      ...API_PATHS,
      ...EPCIS_PATHS,
      ...EPCIS_CAPTURE_PATHS,
      "/epcis/events": { ...EPCIS_PATHS["/epcis/events"], post: CAPTURE_ONE_EVENT },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An organisation's API key, llk_…" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
      schemas: {
        Error: {
          type: "object",
          properties: { error: { type: "string" }, code: { type: "string" } },
          required: ["error", "code"],
        },
        Problem: {
          type: "object",
          description: "RFC 7807, as the EPCIS REST bindings answer; `detail` is one sentence.",
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
          },
          required: ["type", "title"],
        },
        Collection: {
          type: "object",
          properties: {
            "@context": {},
            type: { const: "Collection" },
            member: { type: "array", items: { type: "string" } },
          },
        },
        EPCISQueryDocument: { $ref: `${GS1_SCHEMA}#/definitions/epcisQueryDocument` },
        EPCISDocument: { $ref: `${GS1_SCHEMA}#/definitions/epcisDocument` },
      },
    },
  };
}
