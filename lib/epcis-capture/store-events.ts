import "server-only";
import type { Tx } from "@/lib/db/client";
import { indexEpcisEvent } from "@/lib/epcis/event-index";

// The repository rows of captured events that have no ledger write of their own, in SQL: Prisma's
// createMany costs ~450 µs a row, most of a 10,000-event capture (docs/benchmarks.md). The rows
// travel as ONE JSON text that PostgreSQL reads with jsonb_to_recordset: arrays of documents as
// parameters cost more in their escaping than the insert itself.

const ROWS_PER_STATEMENT = 2_000;

export type EventRow = {
  eventId: string;
  lotIds: string[];
  /** The standard event, its eventID set to the hash ID. */
  document: Record<string, unknown>;
};

export type RowContext = {
  organizationId: string;
  captureJobId: string;
  ledgerTransactionId: string;
  payloadHash: string;
};

/** Inserts the rows; returns the hash IDs stored, leaving out any a concurrent capture stored first. */
export async function insertEpcisEvents(
  tx: Tx,
  context: RowContext,
  rows: readonly EventRow[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const records = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => ({
      ...indexEpcisEvent(row.document),
      eventId: row.eventId,
      lotIds: row.lotIds,
      document: row.document,
    }));
    const inserted = await tx.$queryRaw<{ eventId: string }[]>`
      INSERT INTO "EpcisEvent" ("id", "eventId", "organizationId", "captureJobId",
        "ledgerTransactionId", "payloadHash", "type", "action", "eventTime", "bizStep",
        "disposition", "readPoint", "bizLocation", "epcs", "epcClasses", "lotIds",
        "isErrorDeclaration", "document", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, e."eventId", ${context.organizationId}, ${context.captureJobId},
        ${context.ledgerTransactionId}, ${context.payloadHash}, e."type", e."action",
        e."eventTime", e."bizStep", e."disposition", e."readPoint", e."bizLocation",
        ARRAY(SELECT jsonb_array_elements_text(e."epcs")),
        ARRAY(SELECT jsonb_array_elements_text(e."epcClasses")),
        ARRAY(SELECT jsonb_array_elements_text(e."lotIds")),
        e."isErrorDeclaration", e."document", now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS e("eventId" text, "type" text,
        "action" text, "eventTime" timestamptz, "bizStep" text, "disposition" text,
        "readPoint" text, "bizLocation" text, "epcs" jsonb, "epcClasses" jsonb, "lotIds" jsonb,
        "isErrorDeclaration" boolean, "document" jsonb)
      ON CONFLICT ("eventId") DO NOTHING
      RETURNING "eventId"`;
    for (const row of inserted) stored.add(row.eventId);
  }
  return stored;
}

/**
 * Applies error declarations to the events they correct (same hash ID: the declaration is the event
 * with `errorDeclaration` added): the stored event becomes the declaration, anchored anew.
 */
export async function applyErrorDeclarations(
  tx: Tx,
  context: RowContext,
  rows: readonly EventRow[],
): Promise<void> {
  for (const row of rows) {
    await tx.epcisEvent.update({
      where: { eventId: row.eventId },
      data: {
        document: row.document as object,
        isErrorDeclaration: true,
        ledgerTransactionId: context.ledgerTransactionId,
        payloadHash: context.payloadHash,
      },
    });
  }
}
