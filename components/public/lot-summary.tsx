import type { Provenance } from "@/lib/provenance";

/**
 * What a consumer holding a recalled product should do: the page's banner says it, and so does the
 * recall status JSON (lib/provenance/public-json.ts), word for word.
 */
export const RECALL_ADVICE = "Do not eat this product. Return it to the store or throw it away.";

/**
 * The first thing on the page of a recalled lot, or of a lot made from one: what happened and what
 * to do, in red.
 */
export function RecallBanner({ recall }: { recall: NonNullable<Provenance["recall"]> }) {
  return (
    <section role="alert" aria-labelledby="recall-heading" className="alert">
      <h2 id="recall-heading">
        {recall.isThisLot
          ? `Recalled: lot ${recall.lotCode}`
          : `Recalled: made from lot ${recall.lotCode}`}
      </h2>
      {recall.isThisLot ? null : (
        <p>
          This product was made from lot {recall.lotCode} (GTIN {recall.gtin}), which is recalled.
        </p>
      )}
      <p>{RECALL_ADVICE}</p>
    </section>
  );
}

/** The product, its lot and where it comes from. */
export function LotSummary({ provenance }: { provenance: Provenance }) {
  const { producer } = provenance;
  return (
    <section aria-labelledby="product-heading">
      <div>
        <h1 id="product-heading">Lot {provenance.lotCode}</h1>
        <dl>
          <dt className="muted">GTIN</dt>
          <dd className="mono">{provenance.gtin}</dd>
          <dt className="muted">Lot code</dt>
          <dd className="mono wrapall">{provenance.lotCode}</dd>
          {provenance.quantity ? (
            <>
              <dt className="muted">Quantity</dt>
              <dd data-testid="quantity">
                {provenance.quantity} {provenance.unit}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="card" data-testid="origin">
        <h2 className="label">Origin</h2>
        <p className="big">{producer.name}</p>
        {producer.place ? (
          <p className="small">
            {producer.place.name}
            {producer.place.address ? ` · ${producer.place.address}` : ""}
          </p>
        ) : null}
      </div>
    </section>
  );
}
