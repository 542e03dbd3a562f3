import type { ProductSummary } from "@/lib/provenance";
import { countText } from "@/lib/text/plural";
import { CheckLotForm } from "./check-lot-form";
import { PageShell } from "./page-shell";
import { RECALL_ADVICE } from "./recall-banner";

/** The product-level answer (/01/{gtin}): a lot's journey needs the lot code from the package. */
export function ProductPage({ product }: { product: ProductSummary }) {
  const lots = countText(product.lotCount, "lot");
  return (
    <PageShell title={product.name ?? `Product ${product.gtin}`}>
      <section aria-labelledby="product-heading">
        <h1 id="product-heading">{product.name ?? `Product ${product.gtin}`}</h1>
        <p className="small muted mono">GTIN {product.gtin}</p>
        <p>
          Made by {product.producers.join(", ") || "a LotLedger member"}; {lots} on the ledger.
        </p>
        {product.recalledLotCodes.length > 0 ? (
          <div role="alert" className="alert">
            <p>
              Recalled lots: {product.recalledLotCodes.join(", ")}. If your package shows one of
              these lot codes: {RECALL_ADVICE}
            </p>
          </div>
        ) : (
          <p>No lot of this product is recalled.</p>
        )}
        <p className="small muted">
          Scan the code on the package itself, or add its lot number, to see where it has been.
        </p>
      </section>
      <CheckLotForm gtin={product.gtin} />
    </PageShell>
  );
}
