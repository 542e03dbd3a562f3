import "server-only";
import type { Db } from "@/lib/db/client";
import { depthsFrom, linksWithin } from "./depths";
import { queryLineage } from "./lineage-query";

/** A lot another was made from, directly or through others. */
export type SourceLot = { id: string; lotCode: string; depth: number; isOrigin: boolean };

/**
 * The lots `lotId` was made from, through any splits, merges and transformations, nearest first (at
 * most `max`): what a provenance page tells before the lot's own steps. An origin is a source made
 * from nothing LotLedger tracked (a harvest, a landing, a lot registered by its receiver).
 */
export async function findSourceLots({
  db,
  lotId,
  max = 20,
}: {
  db: Db;
  lotId: string;
  max?: number;
}): Promise<SourceLot[]> {
  const rows = await queryLineage(db, lotId, "back");
  const depths = depthsFrom(lotId, linksWithin(rows), "back");
  return rows
    .filter((row) => row.id !== lotId)
    .map((row) => ({
      id: row.id,
      lotCode: row.lotCode,
      depth: depths.get(row.id) ?? 0,
      isOrigin: row.parents.length === 0,
    }))
    .sort((a, b) => a.depth - b.depth || a.lotCode.localeCompare(b.lotCode))
    .slice(0, max);
}
