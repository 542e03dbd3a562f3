import { notFound } from "next/navigation";
import { ProvenanceMap } from "@/components/provenance-map";
import { ProvenanceProduct } from "@/components/provenance-product";
import { ProvenanceRecallBanner } from "@/components/provenance-recall-banner";
import { ProvenanceSummary } from "@/components/provenance-summary";
import { ProvenanceTimeline } from "@/components/provenance-timeline";
import { lotIdOf } from "@/lib/chain/lot-id";
import { getDb } from "@/lib/db";
import { journeyPlaces } from "@/lib/provenance/build-steps";
import { getProductSummary } from "@/lib/provenance/get-product";
import { getCachedProvenance } from "@/lib/provenance/provenance-cache";
import { resolveRequestPath } from "@/lib/provenance/resolve-request";

/**
 * The resolver's HTML answer for a Digital Link (/01/…): the lot's provenance, the product summary,
 * or notFound(). A malformed path never gets here: proxy.ts answers it with 400 and lib/gs1's
 * sentence. Served by two routes that differ only in caching (see proxy.ts).
 */
export async function ProvenanceResolverPage({ params }: { params: Promise<{ path: string[] }> }) {
  const target = resolveRequestPath((await params).path);
  if (!target) notFound();
  const db = getDb();
  if (target.lotCode === null) {
    const product = await getProductSummary({ db, gtin: target.gtin });
    if (!product) notFound();
    return <ProvenanceProduct product={product} />;
  }
  const provenance = await getCachedProvenance({ db, lotId: lotIdOf(target.gtin, target.lotCode) });
  if (!provenance) notFound();
  return (
    <>
      {provenance.isRecalled ? <ProvenanceRecallBanner lotCode={provenance.lotCode} /> : null}
      <ProvenanceSummary provenance={provenance} />
      {target.serial !== null ? (
        <p className="rounded-xl bg-amber-50 p-3 text-sm" data-testid="serial-note">
          Package {target.serial}: LotLedger does not track packages one by one yet, so this is the
          journey of the whole lot the package belongs to.
        </p>
      ) : null}
      <section aria-labelledby="journey-heading" className="flex flex-col gap-3">
        <h2 id="journey-heading" className="text-lg font-semibold">
          Journey
        </h2>
        <ProvenanceMap places={journeyPlaces(provenance.steps)} />
        <ProvenanceTimeline steps={provenance.steps} />
      </section>
      <p className="text-sm text-stone-600">
        Now with {provenance.holder}. Each step is checked against the ledger's record of it.
      </p>
    </>
  );
}
