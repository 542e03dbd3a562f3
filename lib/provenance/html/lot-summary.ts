import { html, type SafeHtml } from "@/lib/html/escape";
import type { Provenance } from "../get-provenance";
import { RECALL_ADVICE } from "../recall-advice";

/**
 * The first thing on the page of a recalled lot, or of a lot made from one: what happened and what
 * to do, in red.
 */
export function recallBanner(recall: NonNullable<Provenance["recall"]>): SafeHtml {
  const heading = recall.isThisLot
    ? html`Recalled: lot ${recall.lotCode}`
    : html`Recalled: made from lot ${recall.lotCode}`;
  const cause = recall.isThisLot
    ? null
    : html`<p>This product was made from lot ${recall.lotCode} (GTIN ${recall.gtin}), which is recalled.</p>`;
  return html`<section role="alert" aria-labelledby="recall-heading" class="alert">
<h2 id="recall-heading">${heading}</h2>${cause}
<p>${RECALL_ADVICE}</p></section>`;
}

/** The product, its lot and where it comes from. */
export function lotSummary(provenance: Provenance): SafeHtml {
  const { producer } = provenance;
  return html`<section aria-labelledby="product-heading"><div>
<h1 id="product-heading">Lot ${provenance.lotCode}</h1>
<dl><dt class="muted">GTIN</dt><dd class="mono">${provenance.gtin}</dd>
<dt class="muted">Lot code</dt><dd class="mono wrapall">${provenance.lotCode}</dd>
${provenance.quantity ? html`<dt class="muted">Quantity</dt><dd data-testid="quantity">${provenance.quantity} ${provenance.unit}</dd>` : null}</dl></div>
<div class="card" data-testid="origin"><h2 class="label">Origin</h2><p class="big">${producer.name}</p>
${producer.place ? html`<p class="small">${producer.place.name}${producer.place.address ? ` · ${producer.place.address}` : ""}</p>` : null}</div>
</section>`;
}
