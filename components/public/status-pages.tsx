import type { LookalikeLot } from "@/lib/provenance";
import { CheckLotForm } from "./check-lot-form";
import { PageShell } from "./page-shell";

/** "Did you mean": the lots of the GTIN whose codes read like the one typed, recalled ones first. */
function Lookalikes({ lots }: { lots: readonly LookalikeLot[] }) {
  return (
    <section className="card" aria-labelledby="did-you-mean-heading" data-testid="did-you-mean">
      <h2 id="did-you-mean-heading">Did you mean…</h2>
      <ul className="lookalikes">
        {lots.map((lot) => (
          <li key={lot.lotCode}>
            <a href={lot.path} className="big mono">
              lot {lot.lotCode}
            </a>
            {lot.isRecalled ? (
              <span className="bad">
                {" "}
                — recalled: if this is the code on your package, do not eat it
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="small muted">
        Codes are easy to misread: O and 0, I, L and 1, S and 5, B and 8, capitals and small
        letters.
      </p>
    </section>
  );
}

/**
 * The friendly 404 for a product, lot or package LotLedger has no record of, with the lots whose
 * codes read like the one asked for, and the form to try again.
 */
export function NotFoundPage({
  what,
  gtin,
  lookalikes = [],
}: {
  what: string;
  gtin?: string;
  lookalikes?: readonly LookalikeLot[];
}) {
  return (
    <PageShell title="Not found">
      <section>
        <h1>Not found</h1>
        <p className="big" data-testid="not-found">
          LotLedger has no record of {what}. Check the code on the package; if it still isn't found,
          ask the store where you bought it.
        </p>
      </section>
      {lookalikes.length > 0 ? <Lookalikes lots={lookalikes} /> : null}
      <CheckLotForm gtin={gtin} />
    </PageShell>
  );
}

/**
 * The friendly 400 for a malformed Digital Link, with lib/gs1's sentence saying what is wrong, or
 * the 404 for a valid one whose GS1 key LotLedger keeps no record of (a GLN, a GRAI …).
 */
export function InvalidLinkPage({
  reason,
  isNotFound = false,
}: {
  reason: string;
  isNotFound?: boolean;
}) {
  return (
    <PageShell title={isNotFound ? "Not found" : "Not a valid product code"}>
      <section>
        <h1>{isNotFound ? "Not found" : "This code can't be read"}</h1>
        <p className="big prose" data-testid="invalid-reason">
          {reason}
        </p>
        <p className="big">Check the code on the package and scan it again, or type it below.</p>
      </section>
      <CheckLotForm />
    </PageShell>
  );
}
