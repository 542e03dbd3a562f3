/** How a lot relates to the lot being recalled, which decides how the graph draws it. */
export type LineageRole = "recalled" | "descendant" | "ancestor" | "related";

export type LineageNode = {
  id: string;
  lotCode: string;
  gtin: string;
  status: string;
  role: LineageRole;
};
export type PlacedNode = LineageNode & { x: number; y: number };
export type PlacedLink = { parentId: string; childId: string; path: string; isInScope: boolean };
export type LineageLayout = {
  width: number;
  height: number;
  nodes: PlacedNode[];
  links: PlacedLink[];
};

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 48;
const COLUMN_GAP = 56;
/** Left edge to left edge of two neighbouring columns. */
export const COLUMN_WIDTH = NODE_WIDTH + COLUMN_GAP;
const ROW_GAP = 16;
const MARGIN = 8;

/**
 * Lays a lineage graph out left to right, oldest first: a lot's column is the longest chain of
 * parents above it (so every link points right, whatever mix of splits and merges led there), and
 * within a column lots sit in the order of their parents' rows, which keeps most links from crossing.
 */
export function layoutLineage(
  nodes: readonly LineageNode[],
  links: readonly { parentId: string; childId: string }[],
): LineageLayout {
  const ids = new Set(nodes.map((n) => n.id));
  const edges = links.filter(
    (l) => ids.has(l.parentId) && ids.has(l.childId) && l.parentId !== l.childId,
  );
  const parentsOf = new Map<string, string[]>();
  for (const { parentId, childId } of edges)
    parentsOf.set(childId, [...(parentsOf.get(childId) ?? []), parentId]);

  const column = new Map<string, number>();
  const columnOf = (id: string, seen = new Set<string>()): number => {
    const known = column.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // lineage is acyclic on the chain; this only guards bad input
    seen.add(id);
    const parents = parentsOf.get(id) ?? [];
    const value = parents.length === 0 ? 0 : Math.max(...parents.map((p) => columnOf(p, seen))) + 1;
    column.set(id, value);
    return value;
  };
  const columns: LineageNode[][] = [];
  for (const node of nodes) {
    const index = columnOf(node.id);
    columns[index] = [...(columns[index] ?? []), node];
  }

  const row = new Map<string, number>();
  for (const lots of columns) {
    if (!lots) continue;
    const weight = (node: LineageNode) => {
      const rows = (parentsOf.get(node.id) ?? []).map((p) => row.get(p) ?? 0);
      return rows.length === 0 ? 0 : rows.reduce((a, b) => a + b, 0) / rows.length;
    };
    lots.sort((a, b) => weight(a) - weight(b) || a.lotCode.localeCompare(b.lotCode));
    for (const [index, node] of lots.entries()) row.set(node.id, index);
  }

  const placed = nodes.map((node) => ({
    ...node,
    x: MARGIN + (column.get(node.id) ?? 0) * COLUMN_WIDTH,
    y: MARGIN + (row.get(node.id) ?? 0) * (NODE_HEIGHT + ROW_GAP),
  }));
  const at = new Map(placed.map((node) => [node.id, node]));
  const inScope = (id: string) => ["recalled", "descendant"].includes(at.get(id)?.role ?? "");
  const placedLinks = edges.map(({ parentId, childId }) => {
    const from = at.get(parentId) as PlacedNode;
    const to = at.get(childId) as PlacedNode;
    const [x1, y1, x2, y2] = [
      from.x + NODE_WIDTH,
      from.y + NODE_HEIGHT / 2,
      to.x,
      to.y + NODE_HEIGHT / 2,
    ];
    const bend = (x2 - x1) / 2;
    return {
      parentId,
      childId,
      path: `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`,
      isInScope: inScope(parentId) && inScope(childId),
    };
  });
  const width = Math.max(...placed.map((n) => n.x + NODE_WIDTH), 0) + MARGIN;
  const height = Math.max(...placed.map((n) => n.y + NODE_HEIGHT), 0) + MARGIN;
  return { width, height, nodes: placed, links: placedLinks };
}
