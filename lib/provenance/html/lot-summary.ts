import type { Provenance } from "../get-provenance";
import { html, type SafeHtml } from "./escape";

/** The first thing on a recalled lot's page: what happened and what to do, in red. */
export function recallBanner(lotCode: string): SafeHtml {
  return html`<section role="alert" aria-labelledby="recall-heading" class="alert">
<h2 id="recall-heading">Recalled: lot ${lotCode}</h2>
<p>Do not eat this product. Return it to the store or throw it away.</p></section>`;
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
