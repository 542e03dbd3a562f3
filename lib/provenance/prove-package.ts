import { ZeroHash } from "ethers";
import { isSerialInLot, type SerialsTree, serialLeaf, serialsTreeOf } from "@/lib/packages/serials";

/** A lot's package serials as the database lists them, with the Merkle tree built over them once. */
export type LotPackages = {
  lotId: string;
  /** Sorted; the tree's values come in the same order (null: the lot has no packages). */
  serials: string[];
  tree: SerialsTree | null;
  indexOf: Map<string, number>;
};

/** What the provenance page shows about one package: its proof of membership in its lot. */
export type PackageProof = {
  serial: string;
  /** keccak256(keccak256(abi.encode(lotId, serial))): the package's leaf. */
  leaf: string;
  /** Sibling hashes from the leaf up to the root. */
  proof: string[];
  /** How many packages the database lists for the lot. */
  packageCount: number;
  /** The lot's serials root as the indexer read it from the chain (null: registered without one). */
  serialsRoot: string | null;
  /** The proof leads from this serial to the on-chain root: the list it came from is the ledger's. */
  isVerified: boolean;
};

/** Builds the tree once per lot (a leaf costs ~0.1 ms: 10,000 packages take a second). */
export function indexLotPackages(lotId: string, serials: readonly string[]): LotPackages {
  const sorted = [...serials].sort();
  const tree = sorted.length > 0 ? serialsTreeOf(lotId, sorted) : null;
  return { lotId, serials: sorted, tree, indexOf: new Map(sorted.map((s, i) => [s, i])) };
}

/**
 * The proof for `serial` from the database's list, checked with lib/packages/serials.ts against the
 * root the chain holds; null when the serial is not one of the lot's packages. A list that was
 * changed after the lot was registered (a serial added, removed or altered) builds another tree, so
 * no proof from it verifies.
 */
export function provePackage(
  packages: LotPackages,
  serialsRoot: string | null,
  serial: string,
): PackageProof | null {
  const index = packages.indexOf.get(serial);
  if (index === undefined || !packages.tree) return null;
  const proof = packages.tree.getProof(index);
  const hasRoot = serialsRoot !== null && serialsRoot !== ZeroHash;
  return {
    serial,
    leaf: serialLeaf(packages.lotId, serial),
    proof,
    packageCount: packages.serials.length,
    serialsRoot: hasRoot ? serialsRoot : null,
    isVerified: hasRoot && isSerialInLot(packages.lotId, serialsRoot, serial, proof),
  };
}
