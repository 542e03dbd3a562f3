import Link from "next/link";

type ListedProduct = {
  gtin: string;
  name: string;
  brand: string | null;
  commodity: string | null;
  variety: string | null;
  unit: string | null;
  netContent: string | null;
  storageMinCelsius: number | null;
  storageMaxCelsius: number | null;
};

/** "0–5 °C", "up to 5 °C", or null when no range was given. */
function storageRange({ storageMinCelsius: min, storageMaxCelsius: max }: ListedProduct) {
  if (min !== null && max !== null) return `${min}–${max} °C`;
  if (max !== null) return `up to ${max} °C`;
  if (min !== null) return `from ${min} °C`;
  return null;
}

/** An organisation's products, each opening its page; the newly saved one outlined. */
export function ProductList({
  products,
  highlightGtin,
  isFiltered = false,
}: {
  products: ListedProduct[];
  highlightGtin?: string;
  /** A search is on: an empty list says nothing matches, not that there are no products. */
  isFiltered?: boolean;
}) {
  if (products.length === 0 && isFiltered) {
    return <p className="rounded-xl bg-white p-6 text-stone-600">No products match this search.</p>;
  }
  if (products.length === 0) {
    return (
      <p className="rounded-xl bg-white p-6 text-stone-600">
        No products yet. Add your first product, or import them from a CSV file below.
      </p>
    );
  }
  return (
    <ul className="flex flex-col gap-3" aria-label="Products">
      {products.map((product) => {
        const kind = [product.commodity, product.variety].filter(Boolean).join(", ");
        const range = storageRange(product);
        return (
          <li
            key={product.gtin}
            className={`rounded-xl border-2 bg-white p-4 ${product.gtin === highlightGtin ? "border-ledger-600" : "border-stone-200"}`}
          >
            <h2 className="text-lg font-semibold">
              <Link
                href={`/products/${product.gtin}`}
                className="underline decoration-stone-300 underline-offset-4"
              >
                {product.name}
              </Link>
            </h2>
            {product.brand ? <p className="text-stone-700">{product.brand}</p> : null}
            <p className="text-sm text-stone-600">
              GTIN <span className="font-mono">{product.gtin}</span>
              {kind ? ` · ${kind}` : ""}
              {product.unit ? ` · per ${product.unit}` : ""}
              {product.netContent ? ` (${product.netContent})` : ""}
              {range ? ` · stored ${range}` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
