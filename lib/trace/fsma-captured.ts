import "server-only";
import type { Db } from "@/lib/db/client";
import type { StandardEvent } from "@/lib/epcis/event-hash";
import { fromStandardEvent } from "@/lib/epcis/standard-event";
import { findVerifiedEpcisEvents } from "@/lib/indexer/epcis-verified";
import type { LedgerEventRow, Verification } from "./fsma-facts";

// Captured EPCIS events with no ledger event of their own (a supplier's shipment off LotLedger, a
// receipt of a lot already held, an observation) are anchored by their capture's Merkle root; the
// trail shows them (lib/lots/captured-steps.ts), and the FDA asks for every record of a lot, so each
// is a row of the spreadsheets too, in the block of its anchor, signed by the capturer.

export type CapturedRecord = { event: LedgerEventRow; body: unknown; verification: Verification };

/** The anchored captured events of these lots, one per lot they name, in their anchors' order. */
export async function findCapturedRecords(db: Db, lotIds: string[]): Promise<CapturedRecord[]> {
  const rows = await db.epcisEvent.findMany({
    where: {
      lotIds: { hasSome: lotIds },
      captureJobId: { not: null },
      payloadHash: { not: null },
    },
    orderBy: [{ eventTime: "asc" }, { recordTime: "asc" }, { id: "asc" }],
    select: {
      eventId: true,
      organizationId: true,
      payloadHash: true,
      document: true,
      lotIds: true,
    },
  });
  if (rows.length === 0) return [];
  const anchors = await db.ledgerEvent.findMany({
    where: {
      name: "EpcisEventsAnchored",
      payloadHash: { in: [...new Set(rows.map((row) => row.payloadHash as string))] },
    },
    select: { payloadHash: true, blockNumber: true, txHash: true, actor: true },
  });
  const anchorOf = new Map(anchors.map((anchor) => [anchor.payloadHash, anchor]));
  // Rows with a ledger write of their own (a registered lot, a handoff between members) are rows of
  // that ledger event already.
  const anchored = rows.filter((row) => anchorOf.has(row.payloadHash));
  const verified = await findVerifiedEpcisEvents(db, anchored);
  const wanted = new Set(lotIds);
  return anchored
    .flatMap((row) => {
      const anchor = anchorOf.get(row.payloadHash) as (typeof anchors)[number];
      const body = payloadOf(row.document);
      return row.lotIds
        .filter((lotId) => wanted.has(lotId))
        .map((lotId) => ({
          event: { ...anchor, lotId, name: "EpcisEventCaptured", args: {} },
          body,
          // Its anchor is on the chain: what fails is the stored record (the event or its list).
          verification: (verified.has(row.eventId) ? "yes" : "no: record altered") as Verification,
        }));
    })
    .sort((a, b) => a.event.blockNumber - b.event.blockNumber);
}

function payloadOf(document: unknown): unknown {
  try {
    return fromStandardEvent(document as StandardEvent);
  } catch {
    return null;
  }
}
