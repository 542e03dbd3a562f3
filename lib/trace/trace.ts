import "server-only";
import type { Db } from "@/lib/db/client";
import { depthsFrom, linksWithin } from "./depths";
import { findHolders } from "./holders";
import { type Direction, type LineageRow, queryLineage } from "./lineage-query";

/** An organisation as a trace shows it; nulls for an account no LotLedger organisation has. */
export type Holder = {
  address: string;
  name: string | null;
  gln: string | null;
  kind: string | null;
  /** The organisation's first location (its main site). */
  location: { gln: string; name: string; address: string } | null;
};

export type TracedLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  /** Generations from the starting lot (0): the shortest path, when several lead to the lot. */
  depth: number;
  custodian: Holder;
  /** Who the lot is on its way to, while IN_TRANSIT. */
  recipient: Holder | null;
  packages: { total: number; removed: number };
};

/** One parent → child link made by a split, merge or transformation (SPLIT, MERGE, TRANSFORM). */
export type LineageLink = { parentId: string; childId: string; kind: string };

/**
 * A lineage walk from `lotId`: its lots (the starting lot first, then by depth, GTIN and lot code)
 * and the links between them. Links to lots outside the walk are left out, so every link's two ends
 * are in `lots`: a forward trace omits the other inputs of a transformation.
 */
export type Trace = { lotId: string; lots: TracedLot[]; links: LineageLink[] };

/** The lot and its ancestors, up to the lots registered with createLot (the origins). */
export async function traceBack(options: { db: Db; lotId: string }): Promise<Trace | null> {
  return traceLineage(options.db, options.lotId, "back");
}

/** The lot and every lot made from it, through any number of splits, merges and transformations. */
export async function traceForward(options: { db: Db; lotId: string }): Promise<Trace | null> {
  return traceLineage(options.db, options.lotId, "forward");
}

async function traceLineage(db: Db, lotId: string, direction: Direction): Promise<Trace | null> {
  const rows = await queryLineage(db, lotId, direction);
  if (rows.length === 0) return null;
  const links = linksWithin(rows);
  const depths = depthsFrom(lotId, links, direction);
  const holderOf = await findHolders(
    db,
    rows.flatMap((row) => (row.recipient ? [row.custodian, row.recipient] : [row.custodian])),
  );
  const lots = rows.map((row) => toTracedLot(row, depths.get(row.id) ?? 0, holderOf));
  lots.sort(
    (a, b) =>
      a.depth - b.depth || a.gtin.localeCompare(b.gtin) || a.lotCode.localeCompare(b.lotCode),
  );
  return { lotId, lots, links };
}

function toTracedLot(
  row: LineageRow,
  depth: number,
  holderOf: (address: string) => Holder,
): TracedLot {
  return {
    id: row.id,
    gtin: row.gtin,
    lotCode: row.lotCode,
    quantity: row.quantity,
    unit: row.unit,
    status: row.status,
    depth,
    custodian: holderOf(row.custodian),
    recipient: row.recipient ? holderOf(row.recipient) : null,
    packages: { total: row.packageTotal, removed: row.packageRemoved },
  };
}
