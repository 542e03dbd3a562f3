import Link from "next/link";
import type { OpenRecall } from "@/lib/home";
import { SEVERITY_LABELS } from "@/lib/recall/terms";
import { Moment } from "./moment";

/**
 * Open recalls, each one tap from its page, with how much of the stock in scope is accounted for
 * and — held back by it — the member's own lots still to report on.
 */
export function OpenRecallList({ recalls, timeZone }: { recalls: OpenRecall[]; timeZone: string }) {
  return (
    <ul aria-label="Open recalls" className="flex flex-col gap-2">
      {recalls.map((recall) => (
        <li key={recall.id}>
          <Link
            href={`/recalls/${recall.id}`}
            className="flex flex-col gap-2 rounded-xl border-2 border-red-700 bg-white p-3 hover:bg-red-50"
          >
            <span className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-semibold text-red-900">
                <span aria-hidden="true">⚠ </span>
                {SEVERITY_LABELS[recall.severity as keyof typeof SEVERITY_LABELS]?.name ?? "Recall"}{" "}
                recall of lot <span className="break-all font-mono">{recall.lotCode}</span>
              </span>
              <span className="rounded-lg bg-red-700 px-3 py-1 font-semibold text-white">
                {recall.isAwaitingUs ? "Acknowledge" : "Open recall"}
              </span>
            </span>
            <span className="text-sm text-stone-700">
              <Moment date={recall.createdAt} timeZone={timeZone} /> · {recall.reason}
            </span>
            <span className="flex items-center gap-2 text-sm">
              <span
                role="progressbar"
                aria-label={`Stock accounted for, recall of lot ${recall.lotCode}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={recall.percent}
                className="h-3 flex-1 overflow-hidden rounded-full bg-stone-200"
              >
                <span
                  className="block h-full bg-ledger-600"
                  style={{ width: `${recall.percent}%` }}
                />
              </span>
              <span data-testid="recall-percent">{recall.percent} % accounted for</span>
            </span>
            <span className="text-sm text-stone-700">
              {recall.acknowledged.done} of {recall.acknowledged.total} organisations acknowledged
            </span>
            {recall.holds.length > 0 ? (
              <span className="flex flex-col gap-1 rounded-lg bg-amber-50 p-2 text-sm">
                <span className="font-semibold text-amber-900">
                  On hold here until accounted for:
                </span>
                {recall.holds.map((hold) => (
                  <span key={hold.lotId} data-testid="hold">
                    Lot <span className="font-mono">{hold.lotCode}</span>
                    {hold.quantity
                      ? ` · ${hold.accounted} of ${hold.quantity} ${hold.unit ?? ""} accounted for`
                      : ""}
                    {hold.isAccounted ? " ✓" : ""}
                  </span>
                ))}
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
