import type { ColdChainBatch } from "@/lib/cold-chain";
import { rangeSentence } from "@/lib/cold-chain";
import { html, type SafeHtml } from "@/lib/html/escape";
import { coldChainChart } from "./cold-chain-chart";
import { TIME_FORMAT } from "./journey-steps";

const timeText = (iso: string) => `${TIME_FORMAT.format(new Date(iso))} UTC`;

function batchCard(batch: ColdChainBatch): SafeHtml {
  const readings = `${batch.count} ${batch.count === 1 ? "reading" : "readings"}`;
  const span =
    batch.firstAt && batch.lastAt
      ? html` from <time datetime="${batch.firstAt}">${timeText(batch.firstAt)}</time> to <time datetime="${batch.lastAt}">${timeText(batch.lastAt)}</time>`
      : null;
  return html`<li class="card" data-testid="cold-chain-batch"><p class="big" data-testid="temperature-range">${rangeSentence(batch)}</p>
<p class="small muted">${readings}${span} · recorded by ${batch.recordedBy}</p>
${coldChainChart(batch, timeText)}
<p class="small" data-testid="cold-chain-verification">${
    batch.isVerified
      ? html`<span class="ok">✓ verified on the ledger</span>`
      : html`<span class="bad">✗ not verified: the stored readings no longer match the ledger</span>`
  }</p>
<p class="mono wrapall small muted">block ${batch.blockNumber} · tx ${batch.txHash}</p></li>`;
}

/** The lot's temperature readings, batch by batch; nothing at all when there are none. */
export function coldChainSection(batches: readonly ColdChainBatch[]): SafeHtml | null {
  if (batches.length === 0) return null;
  return html`<section aria-labelledby="cold-chain-heading"><h2 id="cold-chain-heading">Cold chain</h2>
<ol class="batches" aria-label="Temperature readings">${batches.map(batchCard)}</ol>
<p class="small muted">Each batch's readings are checked against the Merkle root anchored on the ledger.</p></section>`;
}
