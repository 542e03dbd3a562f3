import type { PackageProof } from "@/lib/provenance";
import { countText } from "@/lib/text/plural";

/** The Merkle proof itself, folded: anyone can recompute the lot's root from the leaf and these. */
function ProofDetails({ proof }: { proof: PackageProof }) {
  return (
    <details>
      <summary className="small">
        Merkle proof ({countText(proof.proof.length, "hash", "hashes")})
      </summary>
      <dl className="mono wrapall">
        <dt>leaf</dt>
        <dd>{proof.leaf}</dd>
        <dt>root</dt>
        <dd>{proof.serialsRoot ?? "none on the ledger"}</dd>
      </dl>
      <ol className="proof mono wrapall" aria-label="Proof hashes">
        {proof.proof.map((hash) => (
          <li key={hash}>{hash}</li>
        ))}
      </ol>
    </details>
  );
}

/**
 * The scanned package and its Merkle proof of membership in the lot (pairs sorted, keccak256,
 * compared with the lot's on-chain root). Of a recalled lot it says, without a reassuring tick,
 * that the recall covers this package.
 */
export function PackageSection({
  proof,
  lotCode,
  isRecalled = false,
}: {
  proof: PackageProof;
  lotCode: string;
  isRecalled?: boolean;
}) {
  const registered = `one of the ${countText(proof.packageCount, "package")} registered on the ledger with lot ${lotCode}`;
  return (
    <section className="card" aria-labelledby="package-heading">
      <h2 id="package-heading">This package: {proof.serial}</h2>
      <p data-testid="package-proof">
        {!proof.isVerified ? (
          <span className="bad">
            ✗ not verified: this package's serial does not match the lot's packages on the ledger
          </span>
        ) : isRecalled ? (
          <span className="bad">This package is {registered}, so the recall covers it.</span>
        ) : (
          <span className="ok">✓ this package is {registered}</span>
        )}
      </p>
      <ProofDetails proof={proof} />
    </section>
  );
}
