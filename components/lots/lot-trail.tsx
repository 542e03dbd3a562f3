import type { TrailEntry } from "@/lib/lots/get-lot-detail";
import { TravelLine } from "./travel-line";

/**
 * The lot's ledger events, oldest first, each with whether its record is intact; its transaction and
 * block are folded away (people read what happened, auditors unfold the proof).
 */
export function LotTrail({ trail }: { trail: TrailEntry[] }) {
  return (
    <ol className="flex flex-col gap-3" aria-label="Trail">
      {trail.map((entry) => (
        <li key={entry.id} className="rounded-xl border-2 border-stone-200 bg-white p-3">
          <p className="font-semibold">{entry.description}</p>
          {entry.travel ? <TravelLine travel={entry.travel} /> : null}
          <p className="text-sm" data-testid="verification">
            {entry.isVerified ? (
              <span className="text-ledger-700">✓ verified on the ledger</span>
            ) : (
              <span className="font-semibold text-red-800">✗ not verified</span>
            )}
          </p>
          <details className="text-sm text-stone-600">
            <summary className="cursor-pointer select-none">Ledger details</summary>
            <p className="break-all font-mono text-xs">
              block {entry.blockNumber} · {entry.txHash}
            </p>
          </details>
        </li>
      ))}
    </ol>
  );
}
