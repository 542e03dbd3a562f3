import Link from "next/link";
import type { RecallSummary } from "@/lib/recall";
import { CONCERN_LABELS, formatMoment, SEVERITY_LABELS } from "@/lib/recall/terms";

function stateOf(recall: RecallSummary): string {
  if (recall.ledgerStatus === "FAILED") return "refused by the ledger";
  if (recall.liftStatus === "CONFIRMED") return "lifted";
  if (recall.closedAt) return "closed";
  if (recall.ledgerStatus !== "CONFIRMED") return "waiting for the ledger";
  if (recall.liftStatus === "PENDING" || recall.liftStatus === "SIGNED") {
    return "lifting: waiting for the ledger";
  }
  if (recall.isLiftAwaitingApproval) return "lifting: waiting for a second approval";
  return recall.isAwaitingUs ? "waiting for your acknowledgement" : "open";
}

/** The recalls a member follows, each with its class, state and acknowledgements. */
export function RecallList({
  recalls,
  timeZone,
  isFiltered = false,
}: {
  recalls: RecallSummary[];
  timeZone?: string | null;
  /** A search or filter is on: an empty list says nothing matches. */
  isFiltered?: boolean;
}) {
  if (recalls.length === 0 && isFiltered) {
    return <p className="rounded-xl bg-white p-4 text-stone-600">No recalls match this search.</p>;
  }
  if (recalls.length === 0) {
    return (
      <p className="rounded-xl bg-white p-4 text-stone-600">
        No recalls concern your organisation.
      </p>
    );
  }
  return (
    <ul aria-label="Recalls" className="flex flex-col gap-2">
      {recalls.map((recall) => (
        <li
          key={recall.id}
          className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-stone-200 bg-white p-3"
        >
          <div className="min-w-0">
            <Link
              href={`/recalls/${recall.id}`}
              className="font-semibold underline underline-offset-4"
            >
              {SEVERITY_LABELS[recall.severity].name} recall of lot {recall.lotCode}
            </Link>
            <p className="truncate text-sm text-stone-600">
              {formatMoment(recall.createdAt, timeZone)} · {recall.reason}
            </p>
            {recall.concern ? (
              <p className="text-sm font-semibold" data-testid="recall-concern">
                {recall.concern === "SOURCE" ? <span aria-hidden="true">⚠ </span> : null}
                Your organisation {recall.concern === "SOURCE" ? "is the" : ""}{" "}
                {recall.concern === "SOURCE"
                  ? "source of a recalled lot"
                  : CONCERN_LABELS[recall.concern]}
                {recall.linkedFromRecallId ? " · extends an earlier recall" : ""}
              </p>
            ) : null}
          </div>
          <p className="text-sm">
            <span
              className={
                recall.closedAt || recall.liftStatus === "CONFIRMED"
                  ? "text-ledger-700"
                  : "font-semibold text-red-800"
              }
            >
              {stateOf(recall)}
            </span>
            {" · "}
            {recall.acknowledged.done}/{recall.acknowledged.total} acknowledged
          </p>
        </li>
      ))}
    </ul>
  );
}
