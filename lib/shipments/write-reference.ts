import "server-only";
import type { Db } from "@/lib/db/client";
import { isEpcisEvent } from "@/lib/epcis/event";

/** The shipment reference (kde.shipment) a shipping or receiving write's payload carries, or null. */
export async function findWriteShipmentReference(db: Db, writeId: string): Promise<string | null> {
  const write = await db.ledgerTransaction.findUnique({
    where: { id: writeId },
    select: { payloadHash: true },
  });
  const stored = write?.payloadHash
    ? await db.eventPayload.findUnique({ where: { hash: write.payloadHash } })
    : null;
  const reference = isEpcisEvent(stored?.body) ? stored.body.kde?.shipment : null;
  return typeof reference === "string" ? reference : null;
}
