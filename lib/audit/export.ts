import "server-only";
import { toCsv } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import { AUDIT_ACTION_LABELS } from "./actions";
import { type AuditFilter, type AuditViewer, findAllAuditEntries } from "./read";
import { type AuditActor, recordAudit } from "./record";

const HEADER = [
  "Time (UTC)",
  "Action",
  "What",
  "Person",
  "API key",
  "Organisation",
  "Lot code",
  "Lot id",
  "Recall id",
  "Ledger write id",
  "Client address",
  "User agent",
  "Entry id",
];

/**
 * The audit log as the page filters it, as CSV; downloading it is itself an entry, as every export
 * of LotLedger's records is.
 */
export async function exportAuditLog({
  db,
  viewer,
  filter,
}: {
  db: Db;
  viewer: AuditActor & AuditViewer;
  filter: AuditFilter;
}): Promise<{ filename: string; csv: string }> {
  const entries = await findAllAuditEntries(db, viewer, filter);
  const csv = toCsv([
    HEADER,
    ...entries.map((entry) => [
      entry.createdAt.toISOString(),
      AUDIT_ACTION_LABELS[entry.action],
      entry.summary,
      entry.actorName,
      entry.apiKeyName,
      entry.organizationName,
      entry.lotCode,
      entry.lotId,
      entry.recallId,
      entry.ledgerTransactionId,
      entry.clientAddress,
      entry.userAgent,
      entry.id,
    ]),
  ]);
  const filename = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
  await recordAudit(db, viewer, {
    action: "EXPORTED_CSV",
    summary: `Downloaded the audit log (${entries.length} entries) as ${filename}`,
  });
  return { filename, csv };
}
