// What an organisation's API key may do. Client components read this file too: it imports nothing
// that needs the server.

export const API_KEY_SCOPES = ["READ", "RECORD", "RECALL"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Each scope as the organisation page offers it, and as a refusal names it ("may not …"). */
export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  READ: "read recalls, exports and ledger writes",
  RECORD: "record lots, events, shipments and readings",
  RECALL: "start, acknowledge and lift recalls",
};

/** What only an admin may do, completing "Only an admin of … can …". */
export const MANAGE_API_KEYS = "manage its API keys";
