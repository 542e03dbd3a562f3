import { lotIdOf } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { StandardEvent } from "@/lib/epcis/event-hash";
import { indexEpcisEvent, lotOfEpcClass } from "@/lib/epcis/event-index";

// The EPCIS repository's row of an event (the EpcisEvent table): the standard event, its CBV 2.0 hash
// ID and the index a query filters on (lib/epcis/event-index.ts). An event recorded in the app joins
// it as its write enters the outbox; a captured one is stored from its document alike, so queries and
// exports see both the same way.

export type RepositoryEvent = {
  /** The standard event as captured or rendered, its eventID the CBV 2.0 hash ID. */
  document: StandardEvent;
  /** Who recorded or captured it. */
  organizationId: string;
  /** Lots it concerns besides those its quantity lists name (the lot written, the lots created). */
  lotIds?: string[];
  ledgerTransactionId?: string | null;
  payloadHash?: string | null;
  captureJobId?: string | null;
  /** When LotLedger recorded it; the database's clock when left out. */
  recordTime?: Date;
};

/** The lot ids of the traceability lots an event's quantity lists name. */
function lotIdsOfClasses(epcClasses: string[]): string[] {
  return epcClasses.flatMap((epcClass) => {
    const lot = lotOfEpcClass(epcClass);
    if (!lot) return [];
    try {
      return [lotIdOf(lot.gtin, lot.lotCode)];
    } catch {
      // A lot code the ledger cannot hold (longer than 20 characters) names no LotLedger lot.
      return [];
    }
  });
}

/** The EpcisEvent row of a standard event. */
export function epcisEventRow({
  document,
  lotIds = [],
  recordTime,
  ...links
}: RepositoryEvent): Prisma.EpcisEventCreateManyInput {
  const index = indexEpcisEvent(document);
  return {
    eventId: String(document.eventID),
    ...links,
    ...index,
    // Sorted: the same event names the same lots whichever path recorded it.
    lotIds: [...new Set([...lotIds, ...lotIdsOfClasses(index.epcClasses)])].sort(),
    document: document as Prisma.InputJsonObject,
    ...(recordTime ? { recordTime } : {}),
  };
}

/** Adds an event to the repository in the caller's transaction; returns its hash ID. */
export async function recordEpcisEvent(tx: Tx, event: RepositoryEvent): Promise<string> {
  const row = epcisEventRow(event);
  await tx.epcisEvent.create({ data: row, select: { id: true } });
  return row.eventId;
}

/**
 * Adds a captured event to the repository as captured (its hash ID as captured), anchored by the
 * write queued for it; a second write of the same event (one per lot it registers) adds its lot.
 */
export async function recordCapturedEvent(
  tx: Tx,
  { eventId, ...event }: RepositoryEvent & { eventId: string; lotIds: string[] },
): Promise<void> {
  const existing = await tx.epcisEvent.findUnique({ where: { eventId }, select: { lotIds: true } });
  if (!existing) {
    await recordEpcisEvent(tx, { ...event, document: { ...event.document, eventID: eventId } });
    return;
  }
  const lotIds = [...new Set([...existing.lotIds, ...event.lotIds])].sort();
  await tx.epcisEvent.update({ where: { eventId }, data: { lotIds } });
}
