import type { Db } from "@/lib/db/client";
import { isEpcisEvent } from "@/lib/epcis/event";
import { toStandardEvent } from "@/lib/epcis/standard-event";
import { epcisEventRow } from "@/lib/events/epcis-repository";

// A database written before the EPCIS repository existed holds EPCIS payloads in the outbox but no
// EpcisEvent rows. At start-up every such write gets its row, as if it had been recorded today: the
// same standard event, hash ID and index, its record time the write's. Idempotent: a write that has
// its row is skipped, and a row already stored under the hash ID is left as it is.

const BATCH = 500;

type WriteWithoutEvent = {
  id: string;
  organizationId: string;
  payloadHash: string;
  lotId: string | null;
  createdAt: Date;
};

/** Adds the missing EpcisEvent rows of stored EPCIS payloads; returns how many it added. */
export async function backfillEpcisEvents(db: Db): Promise<number> {
  let added = 0;
  let after = "";
  for (;;) {
    const writes = await db.$queryRaw<WriteWithoutEvent[]>`
      SELECT t.id, t."organizationId", t."payloadHash", t."lotId", t."createdAt"
      FROM "LedgerTransaction" t
      WHERE t."payloadHash" IS NOT NULL AND t.id > ${after}
        AND NOT EXISTS (SELECT 1 FROM "EpcisEvent" e WHERE e."ledgerTransactionId" = t.id)
      ORDER BY t.id
      LIMIT ${BATCH}`;
    if (writes.length === 0) return added;
    after = writes[writes.length - 1]?.id ?? after;
    const payloads = await db.eventPayload.findMany({
      where: { hash: { in: writes.map((write) => write.payloadHash) } },
    });
    const bodyOf = new Map(payloads.map((payload) => [payload.hash, payload.body]));
    const rows = writes.flatMap((write) => {
      const body = bodyOf.get(write.payloadHash);
      if (!isEpcisEvent(body)) return [];
      return [
        epcisEventRow({
          document: toStandardEvent(body),
          organizationId: write.organizationId,
          ledgerTransactionId: write.id,
          payloadHash: write.payloadHash,
          lotIds: write.lotId ? [write.lotId] : [],
          recordTime: write.createdAt,
        }),
      ];
    });
    if (rows.length > 0) {
      added += (await db.epcisEvent.createMany({ data: rows, skipDuplicates: true })).count;
    }
  }
}
