import type { RecallEffectiveness, RecallProgress } from "@/lib/recall";
import { formatMoment } from "@/lib/recall/terms";
import { RecallEffectivenessTable } from "./effectiveness-table";

function Bar({ label, done, total }: { label: string; done: number; total: number }) {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between gap-2 text-sm">
        <span className="font-semibold">{label}</span>
        <span data-testid={`${label.toLowerCase().replace(/\W+/g, "-")}-count`}>
          {done} / {total}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="h-3 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full bg-ledger-600" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/**
 * The recall's effectiveness — the quantity its holders accounted for, of the quantity in scope,
 * overall and per organisation — with acknowledgements and packages off the shelf beside it.
 */
export function RecallProgressPanel({
  progress,
  effectiveness,
  closedAt,
  timeZone,
}: {
  progress: RecallProgress;
  effectiveness: RecallEffectiveness;
  closedAt: Date | null;
  timeZone?: string | null;
}) {
  return (
    <section
      aria-labelledby="progress-heading"
      className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Effectiveness: stock accounted for
        </h2>
        <p className="text-3xl font-black" data-testid="recall-percent">
          {progress.percent} %
        </p>
      </div>
      <p data-testid="recall-quantities">
        {progress.quantities.length === 0
          ? "No quantity was recorded for the stock in scope: its packages and acknowledgements count."
          : progress.quantities
              .map((q) => `${q.accounted} of ${q.inScope}${q.unit ? ` ${q.unit}` : ""}`)
              .join(" and ")}
        {progress.quantities.length > 0 ? " accounted for." : ""}
      </p>
      <Bar
        label="Organisations acknowledged"
        done={progress.organizations.acknowledged}
        total={progress.organizations.total}
      />
      <Bar
        label="Packages removed"
        done={progress.packages.removed}
        total={progress.packages.total}
      />
      <RecallEffectivenessTable effectiveness={effectiveness} />
      <p role="status" className="text-sm text-stone-700">
        {closedAt
          ? `Closed on ${formatMoment(closedAt, timeZone)}: every holder accounted for all its stock.`
          : "The recall closes when every holder has accounted for all its stock: removed from sale (packages marked removed count), destroyed, returned to supplier or already sold."}
      </p>
    </section>
  );
}
