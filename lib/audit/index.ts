// lib/audit, the audit log: who recorded, changed, acknowledged, lifted or exported what, when and
// from where. The doors that do those things (lib/events' ledger writes, lib/recall, lib/auth,
// lib/organizations) each write their entry here, in their own transaction; an organisation's admins
// and regulators read it. It sits below every domain (lib/auth writes to it), so it knows people
// only by the shapes it is given.
import "server-only";

export { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from "./actions";
export { exportAuditLog } from "./export";
export { auditLedgerWrite } from "./ledger-write";
export {
  AUDIT_PAGE_SIZE,
  type AuditFilter,
  auditFilterInput,
  canReadAuditLog,
  findAuditEntries,
} from "./read";
export { type AuditActor, recordAudit } from "./record";
export { auditSignIn } from "./sign-in";
