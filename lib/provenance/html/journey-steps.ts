import { html, type SafeHtml } from "@/lib/html/escape";
import type { Place } from "@/lib/organizations";
import type { ProvenanceStep } from "../build-steps";

export const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function placeText(place: Place): string {
  return place.address ? `${place.name}, ${place.address}` : place.name;
}

function verification(step: ProvenanceStep): SafeHtml {
  return step.isVerified
    ? html`<span class="ok">✓ verified on the ledger</span>`
    : html`<span class="bad">✗ not verified: the stored record no longer matches the ledger</span>`;
}

/** The lot's journey, oldest first: what, where, when, who, and whether the ledger vouches for it. */
export function journeySteps(steps: ProvenanceStep[]): SafeHtml {
  return html`<ol class="steps" aria-label="Journey">${steps.map(
    (
      step,
      index,
    ) => html`<li class="card"><p class="big"><span class="step-no">${index + 1}.</span>${step.what}</p>
${step.sourceLotCode ? html`<p class="small muted" data-testid="source-lot">Lot ${step.sourceLotCode}, which this lot was made from</p>` : null}
${step.where ? html`<p class="small" data-testid="where">${step.to ? "From " : "At "}${placeText(step.where)}${step.to ? ` to ${placeText(step.to)}` : ""}</p>` : null}
<p class="small muted"><time datetime="${step.when}">${TIME_FORMAT.format(new Date(step.when))} UTC</time>${step.isWhenFromPayload ? "" : " (recorded on the ledger)"} · by ${step.who}</p>
<p class="small" data-testid="verification">${verification(step)}</p>
<p class="mono wrapall small muted">block ${step.blockNumber} · tx ${step.txHash}</p></li>`,
  )}</ol>`;
}
