import {
  type LineageLayout,
  type LineageRole,
  NODE_HEIGHT,
  NODE_WIDTH,
} from "@/lib/recall/lineage-layout";
import { countText, plural } from "@/lib/text/plural";

// Red for what the recall takes off the shelf; grey for what it leaves alone. The words under each
// lot code say the same, so the graph does not depend on colour alone.
const STYLE: Record<LineageRole, { box: string; text: string; label: string }> = {
  recalled: { box: "fill-red-700 stroke-red-900", text: "fill-white", label: "this batch" },
  descendant: { box: "fill-red-50 stroke-red-700", text: "fill-red-900", label: "made from it" },
  ancestor: { box: "fill-stone-100 stroke-stone-300", text: "fill-stone-500", label: "source" },
  related: {
    box: "fill-stone-100 stroke-stone-300",
    text: "fill-stone-500",
    label: "not affected",
  },
};

/**
 * The lineage around a recalled lot as server-rendered SVG, oldest on the left: the recalled lot and
 * everything made from it highlighted, its sources and neighbouring lots greyed. Each box links to
 * the lot. Wider than a phone, it scrolls sideways inside its frame.
 */
export function RecallLineageGraph({
  layout,
  omitted,
  caption,
}: {
  layout: LineageLayout;
  omitted: number;
  caption: string;
}) {
  const inScope = layout.nodes.filter((n) => n.role === "recalled" || n.role === "descendant");
  return (
    <figure className="flex flex-col gap-2">
      <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white p-2">
        {/* No role="img": its lots are links, and an img cannot hold controls (axe nested-interactive). */}
        <svg
          aria-label={`${caption}: ${countText(inScope.length, "lot")} in scope (${inScope.map((n) => n.lotCode).join(", ")}), ${layout.nodes.length - inScope.length} not affected.`}
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          data-testid="lineage-graph"
        >
          {layout.links.map((link) => (
            <path
              key={`${link.parentId}>${link.childId}`}
              d={link.path}
              fill="none"
              className={link.isInScope ? "stroke-red-700" : "stroke-stone-300"}
              strokeWidth={link.isInScope ? 2.5 : 1.5}
            />
          ))}
          {layout.nodes.map((node) => {
            const style = STYLE[node.role];
            return (
              <a key={node.id} href={`/recalls/lots/${node.id}`} data-role={node.role}>
                <title>{`Lot ${node.lotCode}, GTIN ${node.gtin}: ${style.label}, ${node.status.toLowerCase().replace("_", " ")}`}</title>
                <rect
                  x={node.x}
                  y={node.y}
                  width={NODE_WIDTH}
                  height={NODE_HEIGHT}
                  rx={8}
                  className={style.box}
                  strokeWidth={node.role === "recalled" ? 2.5 : 1.5}
                />
                <text
                  x={node.x + 10}
                  y={node.y + 20}
                  className={`${style.text} font-mono text-[13px] font-bold`}
                >
                  {node.lotCode}
                </text>
                <text x={node.x + 10} y={node.y + 38} className={`${style.text} text-[11px]`}>
                  {style.label} · {node.status.toLowerCase().replace("_", " ")}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption className="text-sm text-stone-600">
        {caption}. Red: the recalled lot and everything made from it; grey: not affected.
        {omitted > 0
          ? ` ${omitted} more ${plural(omitted, "lot")} ${omitted === 1 ? "is" : "are"} not drawn; the CSV lists every one.`
          : ""}
      </figcaption>
    </figure>
  );
}
