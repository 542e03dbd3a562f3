import { html, type SafeHtml } from "@/lib/html/escape";
import type { PackageProof } from "../prove-package";

/**
 * The scanned package and its Merkle proof of membership in the lot: anyone can recompute the root
 * from the leaf and these hashes (pairs sorted, keccak256) and compare it with the lot's on-chain root.
 */
export function packageSection(proof: PackageProof, lotCode: string): SafeHtml {
  const count = `${proof.packageCount} ${proof.packageCount === 1 ? "package" : "packages"}`;
  return html`<section class="card" aria-labelledby="package-heading">
<h2 id="package-heading">This package: ${proof.serial}</h2>
<p data-testid="package-proof">${
    proof.isVerified
      ? html`<span class="ok">✓ this package is one of the ${count} registered on the ledger with lot ${lotCode}</span>`
      : html`<span class="bad">✗ not verified: this package's serial does not match the lot's packages on the ledger</span>`
  }</p>
<details><summary class="small">Merkle proof (${proof.proof.length} ${proof.proof.length === 1 ? "hash" : "hashes"})</summary>
<dl class="mono wrapall"><dt>leaf</dt><dd>${proof.leaf}</dd><dt>root</dt><dd>${proof.serialsRoot ?? "none on the ledger"}</dd></dl>
<ol class="proof mono wrapall" aria-label="Proof hashes">${proof.proof.map((hash) => html`<li>${hash}</li>`)}</ol></details>
</section>`;
}
