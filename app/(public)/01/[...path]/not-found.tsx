export default function ResolverNotFound() {
  return (
    <section className="flex flex-col gap-2">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-lg" data-testid="not-found">
        LotLedger has no record of this product or lot. Check the code on the package; if it still
        isn't found, ask the store where you bought it.
      </p>
    </section>
  );
}
