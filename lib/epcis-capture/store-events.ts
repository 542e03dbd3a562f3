import "server-only";
import type { Tx } from "@/lib/db/client";
import { indexEpcisEvent } from "@/lib/epcis/event-index";

// The repository rows of captured events that have no ledger write of their own, in SQL: Prisma's
// createMany costs ~450 µs a row, most of a 10,000-event capture (docs/benchmarks.md). One
// INSERT ... SELECT FROM unnest(...) takes one array per column; the identifier lists, one per row,
// travel as JSON (PostgreSQL arrays cannot be ragged).

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
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const indexes = chunk.map((row) => indexEpcisEvent(row.document));
    const column = <T>(read: (row: EventRow, index: number) => T) =>
      chunk.map((row, n) => read(row, n));
    const at = (n: number) => indexes[n] as ReturnType<typeof indexEpcisEvent>;
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
      FROM unnest(
        ${column((r) => r.eventId)}::text[], ${column((_, n) => at(n).type)}::text[],
        ${column((_, n) => at(n).action)}::text[],
        ${column((_, n) => at(n).eventTime.toISOString())}::timestamptz[],
        ${column((_, n) => at(n).bizStep)}::text[], ${column((_, n) => at(n).disposition)}::text[],
        ${column((_, n) => at(n).readPoint)}::text[], ${column((_, n) => at(n).bizLocation)}::text[],
        ${column((_, n) => JSON.stringify(at(n).epcs))}::jsonb[],
        ${column((_, n) => JSON.stringify(at(n).epcClasses))}::jsonb[],
        ${column((r) => JSON.stringify(r.lotIds))}::jsonb[],
        ${column((_, n) => at(n).isErrorDeclaration)}::boolean[],
        ${column((r) => JSON.stringify(r.document))}::jsonb[]
      ) AS e("eventId", "type", "action", "eventTime", "bizStep", "disposition", "readPoint",
        "bizLocation", "epcs", "epcClasses", "lotIds", "isErrorDeclaration", "document")
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
