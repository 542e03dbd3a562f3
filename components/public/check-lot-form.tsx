/**
 * "Check another lot": a plain GET form to /check (lib/provenance/check-lot.tsx), which sends the
 * browser on to the lot's page. The public pages run no script, so it works as HTML alone.
 */
export function CheckLotForm({ gtin = "" }: { gtin?: string }) {
  return (
    <section className="card" aria-labelledby="check-lot-heading">
      <h2 id="check-lot-heading">Check another lot</h2>
      <form method="get" action="/check" className="check-lot">
        <label>
          GTIN <span className="small muted">(the number after (01) on the package)</span>
          <input name="gtin" inputMode="numeric" autoComplete="off" defaultValue={gtin} />
        </label>
        <label>
          Lot code <span className="small muted">(after LOT or (10))</span>
          <input name="lot" autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </label>
        <label>
          Or paste the package's link
          <input name="link" inputMode="url" autoComplete="off" placeholder="https://…/01/…/10/…" />
        </label>
        <button type="submit">Check this lot</button>
      </form>
    </section>
  );
}
