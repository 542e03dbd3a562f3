import type { PackageProof, Provenance } from "@/lib/provenance";
import { ColdChainSection } from "./cold-chain-section";
import { JourneyMap } from "./journey-map";
import { JourneySteps } from "./journey-steps";
import { LotSummary, RecallBanner } from "./lot-summary";
import { PackageSection } from "./package-section";
import { PageShell } from "./page-shell";

/** The provenance page of a lot, or of one of its packages when `packageProof` is given. */
export function LotPage({
  provenance,
  packageProof = null,
}: {
  provenance: Provenance;
  packageProof?: PackageProof | null;
}) {
  const title = packageProof
    ? `Package ${packageProof.serial} of lot ${provenance.lotCode}`
    : `Lot ${provenance.lotCode}`;
  return (
    <PageShell title={title}>
      {provenance.recall ? <RecallBanner recall={provenance.recall} /> : null}
      <LotSummary provenance={provenance} />
      {packageProof ? <PackageSection proof={packageProof} lotCode={provenance.lotCode} /> : null}
      <section aria-labelledby="journey-heading">
        <h2 id="journey-heading">Journey</h2>
        <JourneyMap steps={provenance.steps} />
        <JourneySteps steps={provenance.steps} />
      </section>
      <ColdChainSection batches={provenance.coldChain} />
      <p className="small muted">
        Now with {provenance.holder}. Each step is checked against the ledger's record of it.
      </p>
    </PageShell>
  );
}
