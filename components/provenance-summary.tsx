import type { Provenance } from "@/lib/provenance/get-provenance";

/** The product, its lot and where it comes from. */
export function ProvenanceSummary({ provenance }: { provenance: Provenance }) {
  const { producer } = provenance;
  return (
    <section aria-labelledby="product-heading" className="flex flex-col gap-3">
      <div>
        <h1 id="product-heading" className="text-2xl font-bold text-ledger-900">
          Lot {provenance.lotCode}
        </h1>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="text-stone-600">GTIN</dt>
          <dd className="font-mono">{provenance.gtin}</dd>
          <dt className="text-stone-600">Lot code</dt>
          <dd className="break-all font-mono">{provenance.lotCode}</dd>
          {provenance.quantity ? (
            <>
              <dt className="text-stone-600">Quantity</dt>
              <dd data-testid="quantity">
                {provenance.quantity} {provenance.unit}
              </dd>
            </>
          ) : null}
        </dl>
      </div>
      <div className="rounded-xl border-2 border-stone-200 bg-white p-3" data-testid="origin">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-600">Origin</h2>
        <p className="text-lg font-semibold">{producer.name}</p>
        {producer.place ? (
          <p className="text-sm">
            {producer.place.name}
            {producer.place.address ? ` · ${producer.place.address}` : ""}
          </p>
        ) : null}
      </div>
    </section>
  );
}
