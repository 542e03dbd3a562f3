import "server-only";
import type { Db } from "@/lib/db/client";
import { traceBack, traceForward } from "@/lib/trace";
import type { LineageNode, LineageRole } from "./lineage-layout";

/** More boxes than this make a graph nobody reads on a screen; the CSV export lists every lot. */
export const MAX_GRAPH_LOTS = 120;

export type LineageFamily = {
  nodes: LineageNode[];
  links: { parentId: string; childId: string }[];
  /** Lots left out of the graph to keep it readable (the scope's own lots are kept first). */
  omitted: number;
};

/**
 * What the recall graph shows around a lot: the lot, everything made from it (the scope), what it
 * came from, and one step beyond both — its siblings and the other inputs mixed into its descendants
 * — so the reader sees exactly where the recall stops.
 */
export async function getLineageFamily({
  db,
  lotId,
}: {
  db: Db;
  lotId: string;
}): Promise<LineageFamily | null> {
  const [back, forward] = await Promise.all([
    traceBack({ db, lotId }),
    traceForward({ db, lotId }),
  ]);
  if (!back || !forward) return null;
  const roles = new Map<string, LineageRole>();
  for (const lot of forward.lots) roles.set(lot.id, lot.id === lotId ? "recalled" : "descendant");
  for (const lot of back.lots) if (!roles.has(lot.id)) roles.set(lot.id, "ancestor");

  const scopeIds = forward.lots.map((lot) => lot.id);
  const ancestorIds = back.lots.filter((lot) => lot.id !== lotId).map((lot) => lot.id);
  const nearby = await db.lotLineage.findMany({
    where: { OR: [{ childId: { in: scopeIds } }, { parentId: { in: ancestorIds } }] },
    select: { parentId: true, childId: true },
    take: MAX_GRAPH_LOTS * 4,
  });
  const relatedIds = [...new Set(nearby.flatMap((l) => [l.parentId, l.childId]))].filter(
    (id) => !roles.has(id),
  );
  for (const id of relatedIds) roles.set(id, "related");

  const related = await db.lot.findMany({
    where: { id: { in: relatedIds } },
    select: { id: true, gtin: true, lotCode: true, status: true },
  });
  const known = new Map<string, { gtin: string; lotCode: string; status: string }>(
    [...back.lots, ...forward.lots, ...related].map((lot) => [lot.id, lot]),
  );

  const order: LineageRole[] = ["recalled", "descendant", "ancestor", "related"];
  const all = [...roles].sort(([, a], [, b]) => order.indexOf(a) - order.indexOf(b));
  const drawn = all.slice(0, MAX_GRAPH_LOTS).flatMap(([id, role]) => {
    const lot = known.get(id);
    return lot ? [{ id, lotCode: lot.lotCode, gtin: lot.gtin, status: lot.status, role }] : [];
  });
  const links = new Map(
    [...back.links, ...forward.links, ...nearby].map((l) => [`${l.parentId}>${l.childId}`, l]),
  );
  return {
    nodes: drawn,
    links: [...links.values()].map(({ parentId, childId }) => ({ parentId, childId })),
    omitted: all.length - drawn.length,
  };
}
