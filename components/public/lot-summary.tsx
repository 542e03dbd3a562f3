import type { Provenance } from "@/lib/provenance";
import { dayText } from "@/lib/text/local-time";
import { quantityText } from "@/lib/text/plural";

/** What the package is: the product's name, brand and picture first, then its lot. */
export function ProductHeader({ provenance }: { provenance: Provenance }) {
  const { product } = provenance;
  return (
    <section aria-labelledby="product-heading" className="product">
      {product?.imageUrl ? (
        // A plain <img>: the page is static HTML with no script, so next/image has nothing to run.
        // biome-ignore lint/performance/noImgElement: see above
        <img src={product.imageUrl} alt="" width={96} height={96} className="product-image" />
      ) : null}
      <div>
        {product?.brand ? <p className="label">{product.brand}</p> : null}
        <h1 id="product-heading">{product ? product.name : `Lot ${provenance.lotCode}`}</h1>
        {product?.description ? <p className="small muted">{product.description}</p> : null}
        <dl>
          <dt className="muted">Lot code</dt>
          <dd className="mono wrapall" data-testid="lot-code">
            {provenance.lotCode}
          </dd>
          <dt className="muted">GTIN</dt>
          <dd className="mono">{provenance.gtin}</dd>
          {provenance.quantity ? (
            <>
              <dt className="muted">Lot size</dt>
              <dd data-testid="quantity">{quantityText(provenance.quantity, provenance.unit)}</dd>
            </>
          ) : null}
        </dl>
      </div>
    </section>
  );
}

/** Where it comes from: the farm, its site, and the field and harvest day the farm entered. */
export function OriginCard({
  producer,
  vouchedBy,
}: {
  producer: Provenance["producer"];
  vouchedBy: Provenance["vouchedBy"];
}) {
  return (
    <section className="card" data-testid="origin" aria-labelledby="origin-heading">
      <h2 id="origin-heading" className="label">
        Origin
      </h2>
      <p className="big">{producer.name}</p>
      {vouchedBy ? (
        <p className="small" data-testid="vouched-by">
          Received from this supplier and vouched for by {vouchedBy}
        </p>
      ) : null}
      {producer.place ? (
        <p className="small">
          {producer.place.name}
          {producer.place.address ? ` · ${producer.place.address}` : ""}
        </p>
      ) : null}
      {producer.fieldName || producer.harvestDate ? (
        <dl>
          {producer.fieldName ? (
            <>
              <dt className="muted">Field</dt>
              <dd data-testid="origin-field">{producer.fieldName}</dd>
            </>
          ) : null}
          {producer.harvestDate ? (
            <>
              <dt className="muted">Harvested</dt>
              <dd data-testid="origin-harvest-date">{dayText(producer.harvestDate)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </section>
  );
}
