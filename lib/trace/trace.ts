import "server-only";
import type { Db } from "@/lib/db/client";
import { type Direction, depthsFrom, type LineageRow, linksWithin, queryLineage } from "./lineage";

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

type HolderRow = {
  chainAddress: string;
  name: string;
  gln: string;
  kind: string;
  locationGln: string | null;
  locationName: string | null;
  locationAddress: string | null;
};

/**
 * The organisations behind these chain addresses, each with its first location (the site it
 * registered first), by address. Addresses are matched without their checksum casing, as the scan
 * page does: the indexer and sign-up may write them differently. An address no organisation has
 * (an account outside LotLedger) still gets a Holder, with nulls.
 */
async function findHolders(
  db: Db,
  addresses: Iterable<string>,
): Promise<(address: string) => Holder> {
  const wanted = [...new Set([...addresses].map((address) => address.toLowerCase()))];
  const rows =
    wanted.length === 0
      ? []
      : await db.$queryRaw<HolderRow[]>`
          SELECT o."chainAddress", o.name, o.gln, o.kind::text AS kind,
            loc.gln AS "locationGln", loc.name AS "locationName", loc.address AS "locationAddress"
          FROM "Organization" o
          LEFT JOIN LATERAL (
            SELECT gln, name, address FROM "Location"
            WHERE "organizationId" = o.id ORDER BY "createdAt", id LIMIT 1
          ) loc ON true
          WHERE lower(o."chainAddress") = ANY(${wanted}::text[])`;
  const byAddress = new Map(rows.map((row) => [row.chainAddress.toLowerCase(), row]));
  return (address) => {
    const row = byAddress.get(address.toLowerCase());
    if (!row) return { address, name: null, gln: null, kind: null, location: null };
    const location =
      row.locationGln === null
        ? null
        : {
            gln: row.locationGln,
            name: row.locationName ?? "",
            address: row.locationAddress ?? "",
          };
    return { address, name: row.name, gln: row.gln, kind: row.kind, location };
  };
}
