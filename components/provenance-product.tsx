import type { ProductSummary } from "@/lib/provenance/get-product";

/** The product-level answer (/01/{gtin}): a lot's journey needs the lot code from the package. */
export function ProvenanceProduct({ product }: { product: ProductSummary }) {
  return (
    <section aria-labelledby="product-heading" className="flex flex-col gap-3">
      <h1 id="product-heading" className="text-2xl font-bold text-ledger-900">
        Product {product.gtin}
      </h1>
      <p>
        Made by {product.producers.join(", ") || "a LotLedger member"}; {product.lotCount}{" "}
        {product.lotCount === 1 ? "lot" : "lots"} on the ledger.
      </p>
      {product.recalledLotCodes.length > 0 ? (
        <div role="alert" className="rounded-xl bg-red-700 p-4 text-white">
          <p className="font-bold">
            Recalled lots: {product.recalledLotCodes.join(", ")}. If your package shows one of these
            lot codes, do not eat it. Return it to the store or throw it away.
          </p>
        </div>
      ) : (
        <p>No lot of this product is recalled.</p>
      )}
      <p className="text-sm text-stone-700">
        Scan the code on the package itself, or add its lot number, to see where it has been.
      </p>
    </section>
  );
}
