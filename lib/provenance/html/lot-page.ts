import { html } from "@/lib/html/escape";
import { journeyPlaces } from "../build-steps";
import type { Provenance } from "../get-provenance";
import type { PackageProof } from "../prove-package";
import { coldChainSection } from "./cold-chain-section";
import { journeyMap } from "./journey-map";
import { journeySteps } from "./journey-steps";
import { lotSummary, recallBanner } from "./lot-summary";
import { packageSection } from "./package-section";
import { pageShell } from "./page-shell";

/** The provenance page of a lot, or of one of its packages when `packageProof` is given. */
export function lotPage(provenance: Provenance, packageProof: PackageProof | null = null): string {
  const title = packageProof
    ? `Package ${packageProof.serial} of lot ${provenance.lotCode}`
    : `Lot ${provenance.lotCode}`;
  return pageShell({
    title,
    body: html`${provenance.recall ? recallBanner(provenance.recall) : null}
${lotSummary(provenance)}
${packageProof ? packageSection(packageProof, provenance.lotCode) : null}
<section aria-labelledby="journey-heading"><h2 id="journey-heading">Journey</h2>
${journeyMap(journeyPlaces(provenance.steps))}
${journeySteps(provenance.steps)}</section>
${coldChainSection(provenance.coldChain)}
<p class="small muted">Now with ${provenance.holder}. Each step is checked against the ledger's record of it.</p>`,
  });
}
