import { describe, expect, it } from "vitest";
import { COLUMN_WIDTH, type LineageNode, layoutLineage } from "./lineage-layout";

const node = (id: string, role: LineageNode["role"] = "related"): LineageNode => ({
  id,
  lotCode: id.toUpperCase(),
  gtin: "09506000134352",
  status: "ACTIVE",
  role,
});

describe("layoutLineage", () => {
  // h → a, b (split); a + d → m (merge); m → t (transform). d has no parents.
  const nodes = [
    node("t", "descendant"),
    node("m", "descendant"),
    node("a", "recalled"),
    node("b"),
    node("d"),
    node("h", "ancestor"),
  ];
  const links = [
    { parentId: "h", childId: "a" },
    { parentId: "h", childId: "b" },
    { parentId: "a", childId: "m" },
    { parentId: "d", childId: "m" },
    { parentId: "m", childId: "t" },
  ];
  const layout = layoutLineage(nodes, links);
  const at = (id: string) => layout.nodes.find((n) => n.id === id) as { x: number; y: number };

  it("puts each lot one column right of its furthest parent, so every link points right", () => {
    const columns = Object.fromEntries(
      ["h", "a", "b", "d", "m", "t"].map((id) => [id, Math.floor(at(id).x / COLUMN_WIDTH)]),
    );
    expect(columns).toEqual({ h: 0, d: 0, a: 1, b: 1, m: 2, t: 3 });
    for (const link of links) expect(at(link.childId).x).toBeGreaterThan(at(link.parentId).x);
  });

  it("marks as in scope only links between the recalled lot and its descendants", () => {
    const inScope = layout.links
      .filter((l) => l.isInScope)
      .map((l) => `${l.parentId}→${l.childId}`);
    expect(inScope).toEqual(["a→m", "m→t"]);
  });

  it("ignores links to lots not drawn and survives a cycle in bad input", () => {
    const cyclic = layoutLineage(
      [node("x"), node("y")],
      [
        { parentId: "x", childId: "y" },
        { parentId: "y", childId: "x" },
        { parentId: "x", childId: "missing" },
      ],
    );
    expect(cyclic.nodes).toHaveLength(2);
    expect(cyclic.links).toHaveLength(2);
  });
});
