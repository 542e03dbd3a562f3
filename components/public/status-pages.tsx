import { PageShell } from "./page-shell";

/** The friendly 404 for a product, lot or package LotLedger has no record of. */
export function NotFoundPage({ what }: { what: string }) {
  return (
    <PageShell title="Not found">
      <section>
        <h1>Not found</h1>
        <p className="big" data-testid="not-found">
          LotLedger has no record of {what}. Check the code on the package; if it still isn't found,
          ask the store where you bought it.
        </p>
      </section>
    </PageShell>
  );
}

/** The friendly 400 for a malformed Digital Link, with lib/gs1's sentence saying what is wrong. */
export function InvalidLinkPage({ reason }: { reason: string }) {
  return (
    <PageShell title="Not a valid product code">
      <section>
        <h1>This code can't be read</h1>
        <p className="big wrapall" data-testid="invalid-reason">
          {reason}
        </p>
        <p className="big">Check the code on the package and scan it again.</p>
      </section>
    </PageShell>
  );
}
