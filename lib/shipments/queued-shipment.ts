import "server-only";
import type { Db } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent } from "@/lib/epcis/event";
import { type ShippedUnit, shippedUnitsOf } from "./shipment-record";

/** A shipment as its sender's outbox holds it, before the indexer has it: what is on its way. */
export type QueuedShipment = {
  writeId: string;
  status: string;
  reference: string;
  lotIds: string[];
  recipient: string;
  payload: EpcisEvent | null;
  units: ShippedUnit[];
  createdAt: Date;
};

type Row = {
  id: string;
  status: string;
  args: [string[], string, string];
  body: unknown;
  createdAt: Date;
};

/**
 * The organisation's handoffBatch writes not yet on the read model (all of them with no
 * `reference`, else the one of that reference): newest first, refused ones included so the page
 * can say so.
 */
export async function findQueuedShipments(
  db: Db,
  { organizationId, reference }: { organizationId: string; reference?: string },
): Promise<QueuedShipment[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id, t.status::text AS status, t.args, p.body, t."createdAt"
    FROM "LedgerTransaction" t JOIN "EventPayload" p ON p.hash = t."payloadHash"
    WHERE t.method = 'handoffBatch' AND t."organizationId" = ${organizationId}
      AND (${reference ?? null}::text IS NULL OR p.body->'kde'->>'shipment' = ${reference ?? null})
      AND NOT EXISTS (SELECT 1 FROM "Shipment" s WHERE s.reference = p.body->'kde'->>'shipment')
    ORDER BY t."createdAt" DESC LIMIT 20`;
  return rows.map((row) => {
    const payload = isEpcisEvent(row.body) ? row.body : null;
    return {
      writeId: row.id,
      status: row.status,
      reference: String(payload?.kde?.shipment ?? ""),
      lotIds: row.args[0],
      recipient: row.args[1],
      payload,
      units: shippedUnitsOf(payload),
      createdAt: row.createdAt,
    };
  });
}
