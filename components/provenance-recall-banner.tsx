/** The first thing on a recalled lot's page: what happened and what to do, in red. */
export function ProvenanceRecallBanner({ lotCode }: { lotCode: string }) {
  return (
    <section
      role="alert"
      aria-labelledby="recall-heading"
      className="rounded-xl border-2 border-red-800 bg-red-700 p-4 text-white"
    >
      <h2 id="recall-heading" className="text-xl font-bold">
        Recalled: lot {lotCode}
      </h2>
      <p className="mt-1 text-lg font-semibold">
        Do not eat this product. Return it to the store or throw it away.
      </p>
    </section>
  );
}
