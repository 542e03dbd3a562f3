import { concat, keccak256 } from "ethers";

// Package serials and sensor readings are anchored as the root of a Merkle tree whose proofs
// OpenZeppelin's MerkleProof verifies: pairs hashed in sorted order, and leaves hashed twice (as
// StandardMerkleTree does) so a leaf can never be mistaken for an inner node.

function hashPair(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

function nextLevel(level: readonly string[]): string[] {
  const next: string[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i] as string;
    const right = level[i + 1];
    next.push(right === undefined ? left : hashPair(left, right));
  }
  return next;
}

/** The root over `leaves`; an unpaired node moves up a level unchanged. */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) throw new RangeError("A Merkle tree needs at least one leaf.");
  let level = [...leaves];
  while (level.length > 1) level = nextLevel(level);
  return level[0] as string;
}

/** The sibling hashes from leaf `index` up to the root (what MerkleProof.verify takes). */
export function merkleProof(leaves: readonly string[], index: number): string[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`No leaf at index ${index}.`);
  const proof: string[] = [];
  let level = [...leaves];
  let position = index;
  while (level.length > 1) {
    const sibling = level[position ^ 1];
    if (sibling !== undefined) proof.push(sibling);
    level = nextLevel(level);
    position >>= 1;
  }
  return proof;
}

/** True when `proof` leads from `leaf` to `root` (MerkleProof.verify, in TypeScript). */
export function verifyMerkleProof(root: string, leaf: string, proof: readonly string[]): boolean {
  return proof.reduce(hashPair, leaf) === root;
}
