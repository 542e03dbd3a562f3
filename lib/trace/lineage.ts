import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { LineageLink } from "./trace";

// The lineage walk every trace starts from: one recursive query over LotLineage, then the links and
// distances among the lots it reached. Internal to lib/trace.

export type Direction = "back" | "forward";

/** A lot of a trace as one row of the query below: the read model's columns and package counts. */
export type LineageRow = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  custodian: string;
  recipient: string | null;
  packageTotal: number;
  packageRemoved: number;
  /** Every parent link of this lot, also to parents outside the trace (the caller keeps the inside). */
  parents: { parentId: string; kind: string }[];
};

// Which column leads from a lot to the next one in each direction. Constants, never user input.
const STEP = {
  forward: { from: Prisma.raw(`l."parentId"`), to: Prisma.raw(`l."childId"`) },
  back: { from: Prisma.raw(`l."childId"`), to: Prisma.raw(`l."parentId"`) },
};

/**
 * The lot and every lot reachable from it in one direction, in one round trip. The recursive CTE
 * uses UNION over the id alone, so PostgreSQL adds a lot to the working set only the first time it
 * reaches it: a lot reachable by several paths (a merge of two parts of one split, a transformation
 * of two descendants of one harvest) is expanded once, and the walk stays linear in the lineage it
 * covers. Distances are computed afterwards from the links (a row per (lot, depth) could repeat a
 * lot once per path length). An unknown lot gives no rows. Quantities are DECIMAL(65,30): their
 * trailing zeros are trimmed, so "12.5" reads as Prisma's Decimal prints it.
 */
export async function queryLineage(
  db: Db | Tx,
  lotId: string,
  direction: Direction,
): Promise<LineageRow[]> {
  const { from, to } = STEP[direction];
  return db.$queryRaw<LineageRow[]>`
    WITH RECURSIVE reach(id) AS (
      SELECT id FROM "Lot" WHERE id = ${lotId}
      UNION
      SELECT ${to} FROM "LotLineage" l JOIN reach r ON ${from} = r.id
    )
    SELECT lot.id, lot.gtin, lot."lotCode", trim_scale(lot.quantity)::text AS quantity, lot.unit,
      lot.status::text AS status, lot.custodian, lot.recipient,
      coalesce(p.total, 0)::int AS "packageTotal", coalesce(p.removed, 0)::int AS "packageRemoved",
      coalesce(links.parents, '[]'::json) AS parents
    FROM reach
    JOIN "Lot" lot ON lot.id = reach.id
    LEFT JOIN LATERAL (
      SELECT count(*) AS total, count(pkg."removedAt") AS removed
      FROM "Package" pkg WHERE pkg."lotId" = lot.id
    ) p ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('parentId', pl."parentId", 'kind', pl.kind)) AS parents
      FROM "LotLineage" pl WHERE pl."childId" = lot.id
    ) links ON true`;
}

/** The links among the rows of one lineage walk: every parent link whose parent is in the walk. */
export function linksWithin(rows: readonly LineageRow[]): LineageLink[] {
  const inWalk = new Set(rows.map((row) => row.id));
  return rows.flatMap((row) =>
    row.parents
      .filter((link) => inWalk.has(link.parentId))
      .map((link) => ({ parentId: link.parentId, childId: row.id, kind: link.kind })),
  );
}

/**
 * Breadth-first distances from the starting lot along the links, forward (parent to child) or back:
 * the shortest path when several lead to a lot.
 */
export function depthsFrom(
  lotId: string,
  links: readonly LineageLink[],
  direction: "back" | "forward",
): Map<string, number> {
  const next = new Map<string, string[]>();
  for (const link of links) {
    const [from, to] =
      direction === "forward" ? [link.parentId, link.childId] : [link.childId, link.parentId];
    const targets = next.get(from);
    if (targets) targets.push(to);
    else next.set(from, [to]);
  }
  const depths = new Map([[lotId, 0]]);
  const queue = [lotId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const depth = depths.get(id) as number;
    for (const to of next.get(id) ?? []) {
      if (depths.has(to)) continue;
      depths.set(to, depth + 1);
      queue.push(to);
    }
  }
  return depths;
}
