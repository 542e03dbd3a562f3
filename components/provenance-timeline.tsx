import type { ProvenanceStep } from "@/lib/provenance/build-steps";
import type { Place } from "@/lib/provenance/places";

const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function placeText(place: Place): string {
  return place.address ? `${place.name}, ${place.address}` : place.name;
}

/** The lot's journey, oldest first: what, where, when, who, and whether the ledger vouches for it. */
export function ProvenanceTimeline({ steps }: { steps: ProvenanceStep[] }) {
  return (
    <ol className="flex flex-col gap-3 border-l-4 border-ledger-600 pl-4" aria-label="Journey">
      {steps.map((step, index) => (
        <li key={step.id} className="rounded-xl border-2 border-stone-200 bg-white p-3">
          <p className="font-semibold">
            <span className="mr-2 text-ledger-700">{index + 1}.</span>
            {step.what}
          </p>
          {step.where ? (
            <p className="text-sm" data-testid="where">
              {step.to ? "From " : "At "}
              {placeText(step.where)}
              {step.to ? ` to ${placeText(step.to)}` : ""}
            </p>
          ) : null}
          <p className="text-sm text-stone-700">
            <time dateTime={step.when}>{TIME_FORMAT.format(new Date(step.when))} UTC</time>
            {step.isWhenFromPayload ? "" : " (recorded on the ledger)"} · by {step.who}
          </p>
          <p className="text-sm" data-testid="verification">
            {step.isVerified ? (
              <span className="font-semibold text-ledger-700">✓ verified on the ledger</span>
            ) : (
              <span className="font-semibold text-red-800">
                ✗ not verified: the stored record no longer matches the ledger
              </span>
            )}
          </p>
          <p className="break-all font-mono text-xs text-stone-600">
            block {step.blockNumber} · tx {step.txHash}
          </p>
        </li>
      ))}
    </ol>
  );
}
