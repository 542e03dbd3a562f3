import Link from "next/link";
import type { LotSummary } from "@/lib/lots/get-lots";
import { LotStatusBadge } from "./lot-status-badge";

export function LotTable({
  lots,
  highlightId,
  label = "Lots",
}: {
  lots: LotSummary[];
  highlightId?: string;
  label?: string;
}) {
  if (lots.length === 0) {
    return (
      <p className="rounded-xl bg-white p-6 text-stone-600">
        No lots yet. Record your first lot to start its trail.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3" aria-label={label}>
      {lots.map((lot) => (
        <li
          key={lot.id}
          className={`rounded-xl border-2 bg-white p-4 ${lot.id === highlightId ? "border-ledger-600" : "border-stone-200"}`}
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="text-lg font-semibold">
              <Link
                href={`/lots/${lot.id}`}
                className="underline decoration-stone-300 underline-offset-4"
              >
                Lot {lot.lotCode}
              </Link>
            </h2>
            <LotStatusBadge status={lot.status} />
          </div>
          {lot.product ? (
            <p className="mt-1 font-medium text-stone-800" data-testid="product">
              {lot.product}
            </p>
          ) : null}
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-stone-600">GTIN</dt>
            <dd className="font-mono">{lot.gtin}</dd>
            <dt className="text-stone-600">Quantity</dt>
            <dd>{lot.quantity ? `${lot.quantity} ${lot.unit}` : "—"}</dd>
            <dt className="text-stone-600">Transaction</dt>
            <dd className="break-all font-mono" data-testid="tx-hash">
              {lot.createdTxHash}
            </dd>
            <dt className="text-stone-600">Ledger</dt>
            <dd data-testid="verification">
              {lot.isVerified ? (
                <span className="font-medium text-ledger-700">✓ verified on the ledger</span>
              ) : (
                <span className="font-semibold text-red-800">
                  ✗ not verified: the stored record no longer matches the ledger
                </span>
              )}
            </dd>
            <dt className="text-stone-600">Block</dt>
            <dd className="font-mono" data-testid="block-number">
              {lot.createdBlock}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
