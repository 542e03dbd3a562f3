import { excursionText, type LotHoldView } from "@/lib/provenance";
import { utcTimeText } from "@/lib/text/local-time";

/**
 * The storage rule's hold, said plainly to a shopper: held now (amber, nobody may ship or sell it
 * until its holder releases it), or held once and released, by whom and why.
 */
export function HoldNotice({ hold }: { hold: LotHoldView }) {
  const why = `${excursionText(hold)}, measured by ${hold.deviceName}`;
  const heldAt = (
    <time dateTime={hold.heldAt.toISOString()}>{utcTimeText(hold.heldAt.toISOString())}</time>
  );
  if (!hold.release) {
    return (
      <div className="hold" role="note" data-testid="hold-notice">
        <p className="big">On hold: this lot is being checked</p>
        <p>
          Held on {heldAt} after {why}. It may not be shipped or sold until {hold.custodian} checks
          it and releases it.
        </p>
      </div>
    );
  }
  const releasedAt = hold.release.at.toISOString();
  return (
    <p className="card small" data-testid="hold-notice">
      Held on {heldAt} after {why}; released by {hold.release.by} on{" "}
      <time dateTime={releasedAt}>{utcTimeText(releasedAt)}</time>
      {hold.release.reason ? `: ${hold.release.reason}` : "."}
    </p>
  );
}
