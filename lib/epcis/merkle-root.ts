import { keccak_256 } from "@noble/hashes/sha3.js";

// The root of OpenZeppelin's StandardMerkleTree, computed on bytes with the library's algorithm
// (leaves sorted, node = keccak256 of the sorted pair): its hex conversions took most of the time of
// a 10,000-leaf root (EPCIS captures), and ~60 % of a 1,000-reading batch's (device ingestion).
// lib/epcis/event-id-tree.test.ts and lib/cold-chain/reading-leaf.test.ts pin both roots to the
// library's.

/** A StandardMerkleTree leaf: keccak256(keccak256(abi-encoded value)). */
export function merkleLeaf(encoded: Uint8Array): Buffer {
  return Buffer.from(keccak_256(keccak_256(encoded)));
}

function hashPair(a: Buffer, b: Buffer): Buffer {
  const pair = Buffer.compare(a, b) <= 0 ? Buffer.concat([a, b]) : Buffer.concat([b, a]);
  return Buffer.from(keccak_256(pair));
}

/**
 * The root over these leaves, in any order (they are sorted here, in place): sorted leaves fill the
 * end of an array of 2n − 1 nodes in reverse, and node i is the pair hash of nodes 2i + 1 and 2i + 2.
 */
export function sortedMerkleRoot(leaves: Buffer[]): string {
  if (leaves.length === 0) throw new RangeError("A Merkle root needs at least one leaf.");
  leaves.sort(Buffer.compare);
  const tree = new Array<Buffer>(2 * leaves.length - 1);
  for (const [i, leaf] of leaves.entries()) tree[tree.length - 1 - i] = leaf;
  for (let i = tree.length - 1 - leaves.length; i >= 0; i--) {
    tree[i] = hashPair(tree[2 * i + 1] as Buffer, tree[2 * i + 2] as Buffer);
  }
  return `0x${(tree[0] as Buffer).toString("hex")}`;
}
