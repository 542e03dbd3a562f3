import type { Place, ProvenanceStep } from "@/lib/provenance";
import { localTimeText } from "@/lib/text/local-time";

function placeText(place: Place): string {
  return place.address ? `${place.name}, ${place.address}` : place.name;
}

function whereText(where: Place, to: Place | null): string {
  return to ? `From ${placeText(where)} to ${placeText(to)}` : `At ${placeText(where)}`;
}

/**
 * The lot's journey, oldest first: what, where, when (on the clock of the place where it happened,
 * for a shipment where it left), who, and whether the ledger vouches for it.
 */
export function JourneySteps({ steps }: { steps: ProvenanceStep[] }) {
  return (
    <ol className="steps" aria-label="Journey">
      {steps.map((step, index) => (
        <li key={step.id} className="card">
          <p className="big">
            <span className="step-no">{index + 1}.</span>
            {step.what}
          </p>
          {step.sourceLotCode ? (
            <p className="small muted" data-testid="source-lot">
              Lot {step.sourceLotCode}, which this lot was made from
            </p>
          ) : null}
          {step.travel ? (
            <p className="small" data-testid="travel">
              {[
                step.travel.sscc ? `On pallet SSCC ${step.travel.sscc}` : null,
                step.travel.shipment ? `Shipment: ${step.travel.shipment}` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          ) : null}
          {step.where ? (
            <p className="small" data-testid="where">
              {whereText(step.where, step.to)}
            </p>
          ) : null}
          <p className="small muted">
            <time dateTime={step.when} data-testid="when">
              {localTimeText(step.when, step.where?.timeZone ?? null)}
            </time>
            {step.isWhenFromPayload ? "" : " (recorded on the ledger)"} · by {step.who}
          </p>
          <p className="small" data-testid="verification">
            {step.isVerified ? (
              <span className="ok">✓ verified on the ledger</span>
            ) : (
              <span className="bad">
                ✗ not verified: the stored record no longer matches the ledger
              </span>
            )}
          </p>
          <p className="mono wrapall small muted">
            block {step.blockNumber} · tx {step.txHash}
          </p>
        </li>
      ))}
    </ol>
  );
}
