/**
 * What "verified on the ledger" proves and what it does not, in one paragraph: a consumer should not
 * read a tick as "this food is safe".
 */
export function LedgerMeaning() {
  return (
    <section aria-labelledby="ledger-meaning-heading" className="card">
      <h2 id="ledger-meaning-heading">What “verified on the ledger” means</h2>
      <p className="small" data-testid="ledger-meaning">
        Each step marked ✓ was written to a shared ledger by the business named on it, and what you
        read here is exactly what it wrote: nobody — not that business, not LotLedger — has changed
        the record since. It does not prove that what was written was true: the ledger keeps what
        each business said, and cannot see the food itself.
      </p>
    </section>
  );
}
