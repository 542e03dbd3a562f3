import Link from "next/link";
import type { ColdChainBatch } from "@/lib/cold-chain";
import { rangeSentence } from "@/lib/cold-chain";

/** The lot's temperature batches on the staff lot page, and the way to record more. */
export function ColdChainBatches({
  batches,
  recordHref,
}: {
  batches: ColdChainBatch[];
  recordHref: string | null;
}) {
  if (batches.length === 0 && !recordHref) return null;
  return (
    <section className="flex flex-col gap-2" aria-labelledby="cold-chain-heading">
      <h2 id="cold-chain-heading" className="text-lg font-semibold">
        Cold chain
      </h2>
      {batches.length === 0 ? <p className="text-stone-600">No temperature readings yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {batches.map((batch) => (
          <li
            key={batch.txHash}
            className="rounded-xl border-2 border-stone-200 bg-white p-3"
            data-testid="cold-chain-batch"
          >
            <p className="font-semibold">{rangeSentence(batch)}</p>
            <p className="text-sm text-stone-600">
              {batch.count} readings · recorded by {batch.recordedBy} ·{" "}
              {batch.isVerified ? (
                <span className="text-ledger-700">✓ verified on the ledger</span>
              ) : (
                <span className="font-semibold text-red-800">✗ not verified</span>
              )}
            </p>
          </li>
        ))}
      </ul>
      {recordHref ? (
        <Link
          href={recordHref}
          className="flex min-h-12 items-center justify-center rounded-xl border-2 border-ledger-700 px-4 text-center font-semibold text-ledger-900"
        >
          Record temperature readings
        </Link>
      ) : null}
    </section>
  );
}
