import "server-only";
import type { Db } from "@/lib/db/client";
import { findVerifiedEpcisEvents } from "./epcis-verified";

// Captured EPCIS events with no ledger event of their own (a supplier's shipment off LotLedger, a
// receipt of a lot already held, an observation) are anchored by their capture's Merkle root
// (EpcisEventsAnchored). The lot's trail (lib/lots/captured-steps.ts) and the FSMA records
// (lib/trace/fsma-captured.ts) both show them, once that root is indexed, in the block of its anchor.

export type AnchoredCapture = {
  id: string;
  eventId: string;
  organizationId: string;
  document: unknown;
  lotIds: string[];
  recordTime: Date;
  anchor: { payloadHash: string | null; blockNumber: number; txHash: string; actor: string };
  /** The event still hashes to its ID and that ID is in the anchored root. */
  isVerified: boolean;
};

/** The captured events naming any of these lots whose capture is anchored, in event-time order. */
export async function findAnchoredCaptures(db: Db, lotIds: string[]): Promise<AnchoredCapture[]> {
  const rows = await db.epcisEvent.findMany({
    where: { lotIds: { hasSome: lotIds }, captureJobId: { not: null }, payloadHash: { not: null } },
    orderBy: [{ eventTime: "asc" }, { recordTime: "asc" }, { id: "asc" }],
    select: {
      id: true,
      eventId: true,
      organizationId: true,
      payloadHash: true,
      document: true,
      lotIds: true,
      recordTime: true,
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
  // Rows with a ledger write of their own (a registered lot, a handoff between members) are shown
  // through that ledger event instead.
  const anchored = rows.filter((row) => anchorOf.has(row.payloadHash));
  const verified = await findVerifiedEpcisEvents(db, anchored);
  return anchored.map((row) => ({
    ...row,
    anchor: anchorOf.get(row.payloadHash) as (typeof anchors)[number],
    isVerified: verified.has(row.eventId),
  }));
}
