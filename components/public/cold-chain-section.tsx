import { type ColdChainBatch, rangeSentence } from "@/lib/cold-chain";
import { utcTimeText } from "@/lib/text/local-time";
import { countText } from "@/lib/text/plural";
import { ColdChainChart } from "./cold-chain-chart";

function BatchCard({ batch }: { batch: ColdChainBatch }) {
  return (
    <li className="card" data-testid="cold-chain-batch">
      <p className="big" data-testid="temperature-range">
        {rangeSentence(batch)}
      </p>
      <p className="small muted">
        {countText(batch.count, "reading")}
        {batch.firstAt && batch.lastAt ? (
          <>
            {" from "}
            <time dateTime={batch.firstAt}>{utcTimeText(batch.firstAt)}</time>
            {" to "}
            <time dateTime={batch.lastAt}>{utcTimeText(batch.lastAt)}</time>
          </>
        ) : null}{" "}
        · recorded by {batch.recordedBy}
      </p>
      <ColdChainChart batch={batch} timeText={utcTimeText} />
      <p className="small" data-testid="cold-chain-verification">
        {batch.isVerified ? (
          <span className="ok">✓ verified on the ledger</span>
        ) : (
          <span className="bad">
            ✗ not verified: the stored readings no longer match the ledger
          </span>
        )}
      </p>
      <p className="mono wrapall small muted">
        block {batch.blockNumber} · tx {batch.txHash}
      </p>
    </li>
  );
}

/** The lot's temperature readings, batch by batch; nothing at all when there are none. */
export function ColdChainSection({ batches }: { batches: readonly ColdChainBatch[] }) {
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="cold-chain-heading">
      <h2 id="cold-chain-heading">Cold chain</h2>
      <ol className="batches" aria-label="Temperature readings">
        {batches.map((batch) => (
          <BatchCard key={batch.txHash} batch={batch} />
        ))}
      </ol>
      <p className="small muted">
        Each batch's readings are checked against the Merkle root anchored on the ledger.
      </p>
    </section>
  );
}
