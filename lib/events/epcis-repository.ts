import { lotIdOf } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { indexEpcisEvent, lotOfEpcClass } from "@/lib/epcis/event-index";
import { toStandardEvent } from "@/lib/epcis/standard-event";

// An event recorded in the app joins the EPCIS repository (the EpcisEvent table) as it enters the
// outbox: the standard event it renders to, its CBV 2.0 hash ID, and the index capture gives a
// captured event (lib/epcis/event-index.ts), so queries and exports see both alike.

type RepositoryRowSource = {
  payload: EpcisEvent;
  organizationId: string;
  ledgerTransactionId: string;
  payloadHash: string;
  /** Lots the write names besides the classes of its quantity lists (the lot, the lots it creates). */
  lotIds: string[];
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

/** The EpcisEvent row of a LotLedger payload. */
export function epcisEventRow(source: RepositoryRowSource): Prisma.EpcisEventCreateManyInput {
  const document = toStandardEvent(source.payload);
  const { epcClasses, ...index } = indexEpcisEvent(document);
  return {
    eventId: document.eventID as string,
    organizationId: source.organizationId,
    ledgerTransactionId: source.ledgerTransactionId,
    payloadHash: source.payloadHash,
    ...index,
    epcClasses,
    lotIds: [...new Set([...source.lotIds, ...lotIdsOfClasses(epcClasses)])],
    document: document as Prisma.InputJsonObject,
    ...(source.recordTime ? { recordTime: source.recordTime } : {}),
  };
}

/** Adds an app-recorded event to the repository, in the transaction that queues its write. */
export async function recordEpcisEvent(tx: Tx, source: RepositoryRowSource): Promise<string> {
  const row = epcisEventRow(source);
  await tx.epcisEvent.create({ data: row, select: { id: true } });
  return row.eventId;
}

/**
 * Adds a captured event to the repository as captured, anchored by the write queued for it; a
 * second write of the same event (one per lot it registers) adds its lot to the row.
 */
export async function recordCapturedEvent(
  tx: Tx,
  source: Omit<RepositoryRowSource, "payload" | "recordTime"> & {
    eventId: string;
    document: Record<string, unknown>;
    captureJobId: string | null;
  },
): Promise<void> {
  const existing = await tx.epcisEvent.findUnique({
    where: { eventId: source.eventId },
    select: { lotIds: true },
  });
  if (existing) {
    const lotIds = [...new Set([...existing.lotIds, ...source.lotIds])];
    await tx.epcisEvent.update({ where: { eventId: source.eventId }, data: { lotIds } });
    return;
  }
  const { epcClasses, ...index } = indexEpcisEvent(source.document);
  await tx.epcisEvent.create({
    data: {
      eventId: source.eventId,
      organizationId: source.organizationId,
      captureJobId: source.captureJobId,
      ledgerTransactionId: source.ledgerTransactionId,
      payloadHash: source.payloadHash,
      ...index,
      epcClasses,
      lotIds: [...new Set([...source.lotIds, ...lotIdsOfClasses(epcClasses)])],
      document: { ...source.document, eventID: source.eventId } as Prisma.InputJsonObject,
    },
    select: { id: true },
  });
}
