import type { RecallProgress } from "@/lib/recall";
import { formatMoment } from "@/lib/recall/terms";

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

/** Acknowledged organisations and removed packages, and the recall's overall completion. */
export function RecallProgressPanel({
  progress,
  closedAt,
}: {
  progress: RecallProgress;
  closedAt: Date | null;
}) {
  return (
    <section
      aria-labelledby="progress-heading"
      className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="progress-heading" className="text-lg font-semibold">
          Progress
        </h2>
        <p className="text-3xl font-black" data-testid="recall-percent">
          {progress.percent} %
        </p>
      </div>
      <Bar
        label="Organisations acknowledged"
        {...pair(progress.organizations.acknowledged, progress.organizations.total)}
      />
      <Bar label="Packages removed" {...pair(progress.packages.removed, progress.packages.total)} />
      <p role="status" className="text-sm text-stone-700">
        {closedAt
          ? `Closed on ${formatMoment(closedAt)}: every organisation acknowledged and every package is off the shelf.`
          : "The recall closes itself when every organisation has acknowledged it and every package is off the shelf."}
      </p>
    </section>
  );
}

const pair = (done: number, total: number) => ({ done, total });
