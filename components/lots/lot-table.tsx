import Link from "next/link";
import type { LotSummary } from "@/lib/lots/get-lots";
import { localTimeText } from "@/lib/text/local-time";
import { LotStatusBadge } from "./lot-status-badge";
import { SinceText } from "./since-text";

/**
 * Lots as compact rows of two lines — product and lot code with its status, then quantity, place
 * and since when — so twenty fit in about a phone's screen. The ledger details (transaction,
 * block) are folded behind one toggle; a record that no longer matches the ledger says so unfolded.
 */
export function LotTable({
  lots,
  highlightId,
  label = "Lots",
  empty = "No lots yet. Record your first lot to start its trail.",
  timeZone,
}: {
  lots: LotSummary[];
  highlightId?: string;
  label?: string;
  /** What to say when there are none (a search that found nothing says so). */
  empty?: string;
  /** The reader's clock (their organisation's place), for the exact moments. */
  timeZone?: string | null;
}) {
  if (lots.length === 0) {
    return <p className="rounded-xl bg-white p-6 text-stone-600">{empty}</p>;
  }
  return (
    <ul
      className="flex flex-col divide-y divide-stone-200 rounded-xl border-2 border-stone-200 bg-white"
      aria-label={label}
    >
      {lots.map((lot) => (
        <li
          key={lot.id}
          className={`flex flex-col px-3 py-1.5 text-sm leading-5 ${lot.id === highlightId ? "bg-ledger-50 ring-2 ring-ledger-600" : ""}`}
        >
          <div className="flex items-center gap-2">
            <h2 className="flex min-w-0 flex-1 items-baseline gap-2">
              <Link
                href={`/lots/${lot.id}`}
                className="shrink-0 text-base font-semibold underline decoration-stone-300 underline-offset-4"
              >
                Lot {lot.lotCode}
              </Link>
              <span className="truncate text-stone-800" data-testid="product">
                {lot.product ?? `GTIN ${lot.gtin}`}
              </span>
            </h2>
            <LotStatusBadge status={lot.status} isOnHold={lot.isOnHold} />
          </div>
          <div className="flex flex-wrap items-baseline gap-x-1.5 text-stone-700">
            <span className="whitespace-nowrap">
              {lot.quantity ? `${lot.quantity} ${lot.unit}` : "no quantity"}
            </span>
            {lot.place ? (
              <span className="max-w-[5rem] truncate sm:max-w-none" data-testid="place">
                · {lot.place.name ?? `GLN ${lot.place.gln}`}
              </span>
            ) : null}
            {lot.since ? (
              <span className="whitespace-nowrap">
                · <SinceText at={lot.since} timeZone={timeZone} />
              </span>
            ) : null}
            <LedgerDetails lot={lot} timeZone={timeZone} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function LedgerDetails({ lot, timeZone }: { lot: LotSummary; timeZone?: string | null }) {
  // Closed, it is as wide as its tick: a flex row would otherwise size it by the hidden hash.
  return (
    <details className="ml-auto w-6 open:w-full open:basis-full">
      <summary className="cursor-pointer select-none whitespace-nowrap" data-testid="verification">
        {lot.isVerified ? (
          // A tick to the eye, the whole sentence to a screen reader (and to its text).
          <span className="text-ledger-700">
            ✓<span className="sr-only"> verified on the ledger</span>
          </span>
        ) : (
          <span className="font-semibold text-red-800">
            ✗ not verified: the stored record no longer matches the ledger
          </span>
        )}
      </summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        <dt>GTIN</dt>
        <dd className="font-mono">{lot.gtin}</dd>
        <dt>Transaction</dt>
        <dd className="break-all font-mono" data-testid="tx-hash">
          {lot.createdTxHash}
        </dd>
        <dt>Block</dt>
        <dd className="font-mono" data-testid="block-number">
          {lot.createdBlock}
        </dd>
        {lot.since ? (
          <>
            <dt>Since</dt>
            <dd>{localTimeText(lot.since, timeZone)}</dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}
