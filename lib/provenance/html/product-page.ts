import { html } from "@/lib/html/escape";
import type { ProductSummary } from "../get-product";
import { RECALL_ADVICE } from "../recall-advice";
import { pageShell } from "./page-shell";

/** The product-level answer (/01/{gtin}): a lot's journey needs the lot code from the package. */
export function productPage(product: ProductSummary): string {
  const lots = `${product.lotCount} ${product.lotCount === 1 ? "lot" : "lots"}`;
  return pageShell({
    title: `Product ${product.gtin}`,
    body: html`<section aria-labelledby="product-heading">
<h1 id="product-heading">Product ${product.gtin}</h1>
<p>Made by ${product.producers.join(", ") || "a LotLedger member"}; ${lots} on the ledger.</p>
${
  product.recalledLotCodes.length > 0
    ? html`<div role="alert" class="alert"><p>Recalled lots: ${product.recalledLotCodes.join(", ")}. If your package shows one of these lot codes: ${RECALL_ADVICE}</p></div>`
    : html`<p>No lot of this product is recalled.</p>`
}
<p class="small muted">Scan the code on the package itself, or add its lot number, to see where it has been.</p></section>`,
  });
}
