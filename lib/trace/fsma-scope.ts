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
 * The lots with a critical tracking event whose recorded event time (its payload's, with its
 * offset) is in [from, to). A payload without a readable time is left out: it has no date to match.
 */
export async function findLotIdsWithEventsBetween(options: {
  db: Db;
  from: Date;
  to: Date;
}): Promise<string[]> {
  const { db, from, to } = options;
  const rows = await db.$queryRaw<{ lotId: string }[]>`
    SELECT DISTINCT e."lotId"
    FROM "LedgerEvent" e JOIN "EventPayload" p ON p.hash = e."payloadHash"
    WHERE e.name = ANY(${CTE_EVENT_NAMES}::text[])
      AND CASE WHEN p.body->>'eventTime' ~ '^\\d{4}-\\d{2}-\\d{2}T'
        THEN (p.body->>'eventTime')::timestamptz >= ${from} AND (p.body->>'eventTime')::timestamptz < ${to}
        ELSE false END`;
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
