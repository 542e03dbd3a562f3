import { fields, operation } from "./operation";

// LotLedger's own /api routes (docs/api.md says what each field means).

const WRITE = { status: 202, answer: fields("writeId", "status") };
const CSV = { media: "text/csv" };
const post = (path: string, summary: string, body?: Record<string, unknown>) => ({
  post: operation(path, summary, { ...WRITE, body }),
});
const download = (path: string, summary: string) => ({ get: operation(path, summary, CSV) });

export const API_PATHS = {
  "/api/auth/{all}": {
    get: operation(
      "/api/auth/{all}",
      "Better Auth's session routes (sign-in, sign-out, session).",
      { isPublic: true },
    ),
    post: operation(
      "/api/auth/{all}",
      "Better Auth's session routes (sign-in, sign-out, session).",
      { isPublic: true },
    ),
  },
  "/api/lots": post("/api/lots", "Register a lot.", fields("gtin", "lotCode", "quantity", "unit")),
  "/api/events/{cte}": post(
    "/api/events/{cte}",
    "Record a critical tracking event (the form's fields).",
  ),
  "/api/lots/{lotId}/handoffs": post(
    "/api/lots/{lotId}/handoffs",
    "Ship a lot your organisation holds.",
    fields(
      "recipientGln",
      "carrierGln?",
      "documentType?",
      "documentNumber?",
      "carrierName?",
      "quantity?",
    ),
  ),
  "/api/lots/{lotId}/receipts": post(
    "/api/lots/{lotId}/receipts",
    "Accept or reject a lot sent to you.",
    fields("decision", "reason?", "countedQuantity?", "condition?", "temperature?"),
  ),
  "/api/lots/{lotId}/readings": post(
    "/api/lots/{lotId}/readings",
    "Record temperature readings (JSON or the logger's CSV).",
  ),
  "/api/devices/{address}/readings": {
    post: operation(
      "/api/devices/{address}/readings",
      "Send a batch of readings a data logger signed (EIP-712 ReadingBatch).",
      {
        status: 201,
        answer: fields("batchId", "readingCount"),
        body: fields("batch", "signature", "readings"),
      },
    ),
  },
  "/api/readings/{readingId}/proof": {
    get: operation(
      "/api/readings/{readingId}/proof",
      "One reading's Merkle proof up to the root its batch anchored on the chain.",
    ),
  },
  "/api/lots/{lotId}/epcis.jsonld": {
    get: operation(
      "/api/lots/{lotId}/epcis.jsonld",
      "The lot's whole trail as one EPCIS 2.0 EPCISDocument.",
      {
        media: "application/ld+json",
        answer: { $ref: "#/components/schemas/EPCISDocument" },
      },
    ),
  },
  "/api/shipments": post(
    "/api/shipments",
    "Ship pallets and loose lots in one ledger transaction.",
    fields("recipientGln", "carrierGln?", "documentType?", "documentNumber?"),
  ),
  "/api/shipments/{reference}/receipts": post(
    "/api/shipments/{reference}/receipts",
    "Accept or reject a shipment, or some of its pallets.",
    fields("decision", "reason?"),
  ),
  "/api/units": post("/api/units", "Pack lots on a pallet (a new SSCC)."),
  "/api/units/{sscc}/unpack": post("/api/units/{sscc}/unpack", "Unpack a pallet."),
  "/api/labels/01/{path}": {
    get: operation(
      "/api/labels/01/{path}",
      "The QR code (PNG or SVG) carrying a GS1 Digital Link.",
      { media: "image/png", isPublic: true },
    ),
  },
  "/api/ledger-writes/{id}": {
    get: operation(
      "/api/ledger-writes/{id}",
      "One of your organisation's ledger writes and its state.",
    ),
  },
  "/api/offline/snapshot": {
    get: operation("/api/offline/snapshot", "What the phone answers scans with offline."),
  },
  "/api/recalls": {
    get: operation("/api/recalls", "The recalls your organisation follows."),
    ...post("/api/recalls", "Start a recall.", fields("lotId", "reason", "severity")),
  },
  "/api/recalls/{recallId}": {
    get: operation(
      "/api/recalls/{recallId}",
      "A recall with its ledger state, progress and scope.",
    ),
  },
  "/api/recalls/{recallId}/acknowledgements": post(
    "/api/recalls/{recallId}/acknowledgements",
    "Acknowledge a recall.",
  ),
  "/api/recalls/{recallId}/removals": post(
    "/api/recalls/{recallId}/removals",
    "Report one package off the shelf.",
    fields("lotId", "serial"),
  ),
  "/api/recalls/{recallId}/dispositions": post(
    "/api/recalls/{recallId}/dispositions",
    "Report what became of a lot you hold.",
  ),
  "/api/recalls/{recallId}/lift": post(
    "/api/recalls/{recallId}/lift",
    "Lift a recall.",
    fields("reason"),
  ),
  "/api/recalls/{recallId}/lift/approval": post(
    "/api/recalls/{recallId}/lift/approval",
    "Approve a Class I lift.",
  ),
  "/api/recalls/{recallId}/scope.csv": download(
    "/api/recalls/{recallId}/scope.csv",
    "The recall's scope (CSV).",
  ),
  "/api/recalls/{recallId}/fsma.csv": download(
    "/api/recalls/{recallId}/fsma.csv",
    "The FSMA 204 sortable spreadsheet of the recalled lot (CSV).",
  ),
  "/api/recalls/lots/{lotId}/scope.csv": download(
    "/api/recalls/lots/{lotId}/scope.csv",
    "A lot's recall scope (CSV).",
  ),
  "/api/recalls/lots/{lotId}/fsma.csv": download(
    "/api/recalls/lots/{lotId}/fsma.csv",
    "A lot's FSMA 204 sortable spreadsheet (CSV).",
  ),
  "/api/fsma/workbook.xlsx": {
    get: operation(
      "/api/fsma/workbook.xlsx",
      "The FDA's FSMA 204 template as an .xlsx workbook, for a lot (tlc, gtin), a product (gtin) or a date range (from, to), of what you may see.",
      {
        media: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        answer: { type: "string", format: "binary" },
        query: ["tlc", "gtin", "from", "to"],
      },
    ),
  },
  "/api/audit-log.csv": download("/api/audit-log.csv", "The audit log (CSV), for regulators."),
  "/api/openapi.json": {
    get: operation("/api/openapi.json", "This document.", { isPublic: true }),
  },
};
