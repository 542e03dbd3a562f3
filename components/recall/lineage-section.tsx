import type { LineageFamily } from "@/lib/recall";
import { layoutLineage } from "@/lib/recall/lineage-layout";
import { RecallLineageGraph } from "./lineage-graph";

/** The lineage graph around a lot, laid out on the server. */
export function RecallLineageSection({
  family,
  lotCode,
}: {
  family: LineageFamily;
  lotCode: string;
}) {
  return (
    <section aria-labelledby="lineage-heading" className="flex flex-col gap-2">
      <h2 id="lineage-heading" className="text-lg font-semibold">
        Lineage
      </h2>
      <RecallLineageGraph
        layout={layoutLineage(family.nodes, family.links)}
        omitted={family.omitted}
        caption={`Where lot ${lotCode} came from and what was made from it`}
      />
    </section>
  );
}
