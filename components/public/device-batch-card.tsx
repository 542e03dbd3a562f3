import type { DeviceBatchView } from "@/lib/provenance";
import { utcTimeText } from "@/lib/text/local-time";
import { countText } from "@/lib/text/plural";
import { ColdChainChart } from "./cold-chain-chart";

/** What the checks of a device batch say, worst first: a broken proof outranks a late ledger. */
export function deviceBatchVerdict(batch: DeviceBatchView): { isOk: boolean; text: string } {
  if (!batch.isSignatureVerified) {
    return { isOk: false, text: "✗ Not verified: the signature does not match the device" };
  }
  if (!batch.isRootVerified) {
    return { isOk: false, text: "✗ Not verified: the readings do not match the anchored root" };
  }
  if (!batch.isAnchored) {
    return { isOk: false, text: "Signed by the device ✓, not yet on the ledger" };
  }
  return { isOk: true, text: "Signed by the device ✓ and verified on the ledger" };
}

/** One batch a data logger signed: which device measured it, the chart, and whether it is proven. */
export function DeviceBatchCard({ batch }: { batch: DeviceBatchView }) {
  const verdict = deviceBatchVerdict(batch);
  return (
    <li className="card" data-testid="device-batch">
      <p className="big" data-testid="temperature-range">
        {batch.judgement.sentence}
      </p>
      <p className="small" data-testid="measured-by">
        Measured by <strong>{batch.device.name}</strong> of {batch.device.organization}
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
        ) : null}
      </p>
      <ColdChainChart batch={batch} timeText={utcTimeText} />
      <p className="small" data-testid="device-verification">
        <span className={verdict.isOk ? "ok" : "bad"}>{verdict.text}</span>
      </p>
      {batch.anchoredTxHash ? (
        <p className="mono wrapall small muted">
          block {batch.anchoredBlock} · tx {batch.anchoredTxHash}
        </p>
      ) : null}
    </li>
  );
}
