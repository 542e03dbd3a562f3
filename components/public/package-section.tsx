import type { PackageProof } from "@/lib/provenance";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The scanned package and its Merkle proof of membership in the lot: anyone can recompute the root
 * from the leaf and these hashes (pairs sorted, keccak256) and compare it with the lot's on-chain root.
 */
export function PackageSection({ proof, lotCode }: { proof: PackageProof; lotCode: string }) {
  return (
    <section className="card" aria-labelledby="package-heading">
      <h2 id="package-heading">This package: {proof.serial}</h2>
      <p data-testid="package-proof">
        {proof.isVerified ? (
          <span className="ok">
            ✓ this package is one of the {plural(proof.packageCount, "package", "packages")}{" "}
            registered on the ledger with lot {lotCode}
          </span>
        ) : (
          <span className="bad">
            ✗ not verified: this package's serial does not match the lot's packages on the ledger
          </span>
        )}
      </p>
      <details>
        <summary className="small">
          Merkle proof ({plural(proof.proof.length, "hash", "hashes")})
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
    </section>
  );
}
