// What the audit log records, in the words its filter and its CSV use. Imports nothing: the page's
// filter and the tests read it as they are.

/** Every kind of action the audit log records (the Prisma enum AuditAction, in the filter's order). */
export const AUDIT_ACTIONS = [
  "RECORDED_EVENT",
  "RECORDED_READINGS",
  "SHIPPED",
  "RECEIVED",
  "REFUSED_DELIVERY",
  "STARTED_RECALL",
  "ACKNOWLEDGED_RECALL",
  "REPORTED_REMOVAL",
  "LIFTED_RECALL",
  "EXPORTED_CSV",
  "EXPORTED_EPCIS",
  "CHANGED_MEMBERS",
  "CHANGED_LOCATIONS",
  "CHANGED_WEBHOOK",
  "CHANGED_API_KEYS",
  "CHANGED_PRODUCTS",
  "SIGNED_IN",
  "SIGN_IN_FAILED",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  RECORDED_EVENT: "Recorded an event",
  RECORDED_READINGS: "Recorded temperature readings",
  SHIPPED: "Shipped",
  RECEIVED: "Received",
  REFUSED_DELIVERY: "Refused a delivery",
  STARTED_RECALL: "Started a recall",
  ACKNOWLEDGED_RECALL: "Acknowledged a recall",
  REPORTED_REMOVAL: "Reported a removal",
  LIFTED_RECALL: "Lifted a recall",
  EXPORTED_CSV: "Exported a CSV",
  EXPORTED_EPCIS: "Exported an EPCIS document",
  CHANGED_MEMBERS: "Changed members",
  CHANGED_LOCATIONS: "Changed locations",
  CHANGED_WEBHOOK: "Changed the recall webhook",
  CHANGED_API_KEYS: "Changed API keys",
  CHANGED_PRODUCTS: "Changed products",
  SIGNED_IN: "Signed in",
  SIGN_IN_FAILED: "Failed sign-in",
};
