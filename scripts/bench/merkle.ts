import { AbiCoder, concat, keccak256 } from "ethers";

// Sensor readings are anchored as the root of a Merkle tree whose proofs OpenZeppelin's MerkleProof
// verifies: pairs hashed in sorted order, and leaves hashed twice (as StandardMerkleTree does) so a
// leaf can never be mistaken for an inner node.

/** The leaf of one reading: keccak256(keccak256(abi.encode(lotId, takenAt, centiCelsius))). */
export function readingLeaf(lotId: string, takenAt: number, centiCelsius: number): string {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ["bytes32", "uint64", "int32"],
    [lotId, takenAt, centiCelsius],
  );
  return keccak256(keccak256(encoded));
}

function hashPair(a: string, b: string): string {
  return BigInt(a) < BigInt(b) ? keccak256(concat([a, b])) : keccak256(concat([b, a]));
}

/** The root over `leaves`; an unpaired node moves up a level unchanged. */
export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) throw new RangeError("A Merkle tree needs at least one leaf.");
  let level = [...leaves];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as string;
      const right = level[i + 1];
      next.push(right === undefined ? left : hashPair(left, right));
    }
    level = next;
  }
  return level[0] as string;
}
