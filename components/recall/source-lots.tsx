import Link from "next/link";
import type { SourceLot } from "@/lib/recall";
import { LotStatusBadge } from "../lots/lot-status-badge";

/**
 * For the organisation whose lots the recalled lot was made from (the farm behind a packed lot):
 * those lots, each flagged as the source of a recalled lot, and the recall covering it once extended.
 */
export function RecallSourceLots({
  lots,
  organizationName,
  recalledLotCode,
  children,
}: {
  lots: SourceLot[];
  organizationName: string;
  recalledLotCode: string;
  /** The form that extends the recall to them, when some are not recalled yet. */
  children?: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby="source-heading"
      className="flex flex-col gap-3 rounded-xl border-2 border-amber-600 bg-amber-50 p-4"
    >
      <h2 id="source-heading" className="text-lg font-bold">
        Lots of {organizationName} that lot {recalledLotCode} was made from
      </h2>
      <ul className="flex flex-col gap-2" aria-label="Source lots">
        {lots.map((lot) => (
          <li
            key={lot.id}
            className="flex flex-wrap items-center gap-2 rounded-lg bg-white p-3"
            data-testid="source-lot"
          >
            <Link href={`/lots/${lot.id}`} className="font-mono font-semibold underline">
              {lot.lotCode}
            </Link>
            <LotStatusBadge status={lot.status} />
            <span className="rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-semibold text-amber-950">
              <span aria-hidden="true">⚠ </span>source of a recalled lot
            </span>
            {lot.recallId ? (
              <Link href={`/recalls/${lot.recallId}`} className="text-sm underline">
                Recalled too: follow its recall
              </Link>
            ) : (
              <span className="text-sm text-stone-700">not recalled</span>
            )}
          </li>
        ))}
      </ul>
      {children}
    </section>
  );
}
