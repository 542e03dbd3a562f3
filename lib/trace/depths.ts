import type { LineageRow } from "./lineage-query";
import type { LineageLink } from "./trace";

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
