import type { PackageProof, Provenance } from "@/lib/provenance";
import { CheckLotForm } from "./check-lot-form";
import { ColdChainSection } from "./cold-chain-section";
import { JourneyMap } from "./journey-map";
import { JourneySteps } from "./journey-steps";
import { LedgerMeaning } from "./ledger-meaning";
import { OriginCard, ProductHeader } from "./lot-summary";
import { PackageSection } from "./package-section";
import { PageShell } from "./page-shell";
import { RecallBanner } from "./recall-banner";

/**
 * The provenance page of a lot, or of one of its packages when `packageProof` is given: the recall
 * first when there is one, then the product, its origin, its journey and cold chain, what the ledger
 * proves, and a way to check another lot. A recalled package's proof comes last, with no tick.
 */
export function LotPage({
  provenance,
  packageProof = null,
}: {
  provenance: Provenance;
  packageProof?: PackageProof | null;
}) {
  const name = provenance.product?.name ?? "Lot";
  const title = packageProof
    ? `${name}: package ${packageProof.serial} of lot ${provenance.lotCode}`
    : `${name}: lot ${provenance.lotCode}`;
  const isRecalled = provenance.recall !== null;
  const proof = packageProof ? (
    <PackageSection proof={packageProof} lotCode={provenance.lotCode} isRecalled={isRecalled} />
  ) : null;
  return (
    <PageShell title={title}>
      {provenance.recall ? <RecallBanner recall={provenance.recall} /> : null}
      <ProductHeader provenance={provenance} />
      <OriginCard producer={provenance.producer} vouchedBy={provenance.vouchedBy} />
      {isRecalled ? null : proof}
      <section aria-labelledby="journey-heading">
        <h2 id="journey-heading">Journey</h2>
        <JourneyMap steps={provenance.steps} />
        <JourneySteps steps={provenance.steps} />
      </section>
      <ColdChainSection
        batches={provenance.coldChain}
        deviceBatches={provenance.deviceBatches}
        hold={provenance.hold}
      />
      <LedgerMeaning />
      {isRecalled ? proof : null}
      <p className="small muted">Now with {provenance.holder}.</p>
      <CheckLotForm gtin={provenance.gtin} />
    </PageShell>
  );
}
