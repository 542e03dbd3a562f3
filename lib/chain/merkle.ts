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
  const levels = merkleLevels(leaves);
  return (levels[levels.length - 1] as string[])[0] as string;
}

/** Every level of the tree, leaves first and the root last: with them, any leaf's proof is a walk up. */
export function merkleLevels(leaves: readonly string[]): string[][] {
  if (leaves.length === 0) throw new RangeError("A Merkle tree needs at least one leaf.");
  const levels = [[...leaves]];
  while ((levels[levels.length - 1] as string[]).length > 1) {
    levels.push(nextLevel(levels[levels.length - 1] as string[]));
  }
  return levels;
}

/** The sibling hashes from leaf `index` up to the root (what MerkleProof.verify takes). */
export function merkleProofFromLevels(levels: readonly string[][], index: number): string[] {
  if (index < 0 || index >= (levels[0]?.length ?? 0)) {
    throw new RangeError(`No leaf at index ${index}.`);
  }
  const proof: string[] = [];
  let position = index;
  for (const level of levels.slice(0, -1)) {
    const sibling = level[position ^ 1];
    if (sibling !== undefined) proof.push(sibling);
    position >>= 1;
  }
  return proof;
}

/** The sibling hashes from leaf `index` up to the root (what MerkleProof.verify takes). */
export function merkleProof(leaves: readonly string[], index: number): string[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`No leaf at index ${index}.`);
  return merkleProofFromLevels(merkleLevels(leaves), index);
}

/** True when `proof` leads from `leaf` to `root` (MerkleProof.verify, in TypeScript). */
export function verifyMerkleProof(root: string, leaf: string, proof: readonly string[]): boolean {
  return proof.reduce(hashPair, leaf) === root;
}
