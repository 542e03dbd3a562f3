import { type ColdChainBatch, rangeSentence } from "@/lib/cold-chain";
import type { DeviceBatchView, LotHoldView } from "@/lib/provenance";
import { utcTimeText } from "@/lib/text/local-time";
import { countText } from "@/lib/text/plural";
import { ColdChainChart } from "./cold-chain-chart";
import { DeviceBatchCard } from "./device-batch-card";
import { HoldNotice } from "./hold-notice";

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

/**
 * The lot's temperature readings, batch by batch: the storage rule's hold first when there was one,
 * then the batches its data loggers signed, then those people uploaded; nothing at all when there
 * are none.
 */
export function ColdChainSection({
  batches,
  deviceBatches = [],
  hold = null,
}: {
  batches: readonly ColdChainBatch[];
  deviceBatches?: readonly DeviceBatchView[];
  hold?: LotHoldView | null;
}) {
  if (batches.length === 0 && deviceBatches.length === 0 && !hold) return null;
  return (
    <section aria-labelledby="cold-chain-heading">
      <h2 id="cold-chain-heading">Cold chain</h2>
      {hold ? <HoldNotice hold={hold} /> : null}
      {deviceBatches.length > 0 ? (
        <ol className="batches" aria-label="Readings signed by data loggers">
          {deviceBatches.map((batch) => (
            <DeviceBatchCard key={batch.id} batch={batch} />
          ))}
        </ol>
      ) : null}
      {batches.length > 0 ? (
        <ol className="batches" aria-label="Temperature readings">
          {batches.map((batch) => (
            <BatchCard key={batch.txHash} batch={batch} />
          ))}
        </ol>
      ) : null}
      <p className="small muted">
        Each batch's readings are checked against the Merkle root anchored on the ledger
        {deviceBatches.length > 0 ? ", and a logger's batch against its own signature" : ""}.
      </p>
    </section>
  );
}
