import type { RecallLiftView } from "@/lib/recall";
import { formatMoment } from "@/lib/recall/terms";

/**
 * Where the lifting of the recall stands: asked for and waiting for a second person's approval
 * (Class I), on its way to the ledger, lifted, or refused by it.
 */
export function RecallLiftState({
  lift,
  timeZone,
}: {
  lift: RecallLiftView;
  timeZone?: string | null;
}) {
  if (lift.status === "CONFIRMED") {
    return (
      <p
        role="status"
        data-testid="recall-lift"
        className="whitespace-pre-line rounded-xl border-2 border-ledger-600 bg-white p-4 text-lg"
      >
        <strong>
          Lifted on {formatMoment(lift.at, timeZone)} by {lift.liftedBy}
          {lift.approvedBy ? `, approved by ${lift.approvedBy}` : ""}:
        </strong>{" "}
        {lift.reason}
      </p>
    );
  }
  return (
    <p role="status" data-testid="recall-lift" className="rounded-xl bg-amber-50 p-4">
      {lift.status === "AWAITING_APPROVAL"
        ? `Lifting asked for by ${lift.liftedBy} on ${formatMoment(lift.at, timeZone)}: ${lift.reason} — it waits for a second person's approval. The recall stays in force until then.`
        : lift.status === "FAILED"
          ? `The ledger refused to lift it: ${lift.error}. The recall is still in force.`
          : `Lifting: waiting for the ledger. ${lift.liftedBy} asked to lift it: ${lift.reason}`}
    </p>
  );
}
