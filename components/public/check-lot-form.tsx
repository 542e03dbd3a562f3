/**
 * "Check another lot": a plain GET form to /check (lib/provenance/check-lot.tsx), which sends the
 * browser on to the lot's page. The public pages run no script, so it works as HTML alone. It carries
 * two sets of classes: the public pages' inline stylesheet (card, check-lot) styles it there, and
 * Tailwind styles it on the landing page, where that stylesheet is absent.
 */
export function CheckLotForm({
  gtin = "",
  heading = "Check another lot",
  intro,
}: {
  gtin?: string;
  heading?: string;
  intro?: string;
}) {
  return (
    <section
      className="card flex flex-col gap-3 rounded-xl border-2 border-stone-200 bg-white p-4"
      aria-labelledby="check-lot-heading"
    >
      <h2 id="check-lot-heading" className="text-xl font-semibold">
        {heading}
      </h2>
      {intro ? <p>{intro}</p> : null}
      <form method="get" action="/check" className="check-lot flex flex-col gap-3">
        <label className={LABEL}>
          GTIN <span className={HINT}>(the number after (01) on the package)</span>
          <input
            name="gtin"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={gtin}
            className={INPUT}
          />
        </label>
        <label className={LABEL}>
          Lot code <span className={HINT}>(after LOT or (10))</span>
          <input
            name="lot"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className={INPUT}
          />
        </label>
        <label className={LABEL}>
          Or paste the package's link
          <input
            name="link"
            inputMode="url"
            autoComplete="off"
            placeholder="https://…/01/…/10/…"
            className={INPUT}
          />
        </label>
        <button
          type="submit"
          className="min-h-12 rounded-xl bg-ledger-900 px-5 text-lg font-semibold text-white"
        >
          Check this lot
        </button>
      </form>
    </section>
  );
}

const LABEL = "flex flex-col gap-1 font-semibold";
const HINT = "small muted text-sm font-normal text-stone-600";
const INPUT =
  "min-h-12 w-full rounded-lg border-2 border-stone-400 bg-white px-3 py-2 text-base font-normal";
