import "server-only";
import type { Db } from "@/lib/db/client";
import { CTE_EVENT_NAMES, type FsmaLot } from "./fsma-facts";
import type { FsmaRecord } from "./fsma-record";
import { findFsmaRecords } from "./fsma-records";

// The FSMA records of a product or of a date range: the events of exactly those lots, not their
// traces (a lot's trace is exports.ts findTraceRecords).

/** The lots of a product (GTIN-14), or those with this lot code when one is given. */
export async function findLotIdsOf(options: {
  db: Db;
  gtin?: string;
  lotCode?: string;
}): Promise<string[]> {
  const { db, gtin, lotCode } = options;
  const lots = await db.lot.findMany({
    where: { ...(gtin ? { gtin } : {}), ...(lotCode ? { lotCode } : {}) },
    select: { id: true },
    orderBy: [{ gtin: "asc" }, { lotCode: "asc" }],
  });
  return lots.map((lot) => lot.id);
}

/**
 * The lots with a critical tracking event whose event time is in [from, to): read from the EPCIS
 * repository's indexed eventTime (every ledger write's event has its row), either a CTE's ledger
 * event of that very lot, or a captured event whose capture is anchored (a supplier's shipment off
 * LotLedger is a row of the spreadsheets too: fsma-captured.ts).
 */
export async function findLotIdsWithEventsBetween(options: {
  db: Db;
  from: Date;
  to: Date;
}): Promise<string[]> {
  const { db, from, to } = options;
  const rows = await db.$queryRaw<{ lotId: string }[]>`
    SELECT DISTINCT l."lotId"
    FROM "EpcisEvent" ev CROSS JOIN LATERAL unnest(ev."lotIds") AS l("lotId")
    WHERE ev."eventTime" >= ${from} AND ev."eventTime" < ${to}
      AND EXISTS (
        SELECT 1 FROM "LedgerEvent" e
        WHERE e."payloadHash" = ev."payloadHash"
          AND ((e.name = ANY(${CTE_EVENT_NAMES}::text[]) AND e."lotId" = l."lotId")
            OR e.name = 'EpcisEventsAnchored'))`;
  return rows.map((row) => row.lotId);
}

/** The FSMA records of exactly these lots, in chain order. */
export async function findLotRecords(options: {
  db: Db;
  lotIds: string[];
  appUrl: string;
}): Promise<FsmaRecord[]> {
  const { db, lotIds, appUrl } = options;
  const rows = await db.lot.findMany({
    where: { id: { in: lotIds } },
    select: { id: true, gtin: true, lotCode: true, quantity: true, unit: true },
  });
  const lots = new Map<string, FsmaLot>(
    rows.map((lot) => [
      lot.id,
      { ...lot, quantity: lot.quantity?.toString() ?? null, generation: 0 },
    ]),
  );
  return findFsmaRecords({ db, lots, appUrl });
}
