import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { keccak256 } from "ethers";

// Captured events that change no custody or lineage are anchored by one root per capture:
// OpenZeppelin's StandardMerkleTree over their hash IDs as `["string"]` leaves, so each event is
// proven with OpenZeppelin's MerkleProof. Built from the leaf hashes with the string's ABI encoding
// written straight into bytes, as lib/cold-chain/reading-leaf.ts does: ethers' AbiCoder would cost
// most of a 10,000-event capture's anchoring. event-id-tree.test.ts pins the root to the library's.

const encoder = new TextEncoder();

/** abi.encode(string): the offset word (32), the length word, the bytes padded to 32. */
function encodeString(value: string): Uint8Array {
  const data = encoder.encode(value);
  const bytes = new Uint8Array(64 + Math.ceil(data.length / 32) * 32);
  const view = new DataView(bytes.buffer);
  view.setUint32(28, 32);
  view.setUint32(60, data.length);
  bytes.set(data, 64);
  return bytes;
}

/** The leaf of one hash ID: keccak256(keccak256(abi.encode(string eventId))). */
export function eventIdLeaf(eventId: string): string {
  return keccak256(keccak256(encodeString(eventId)));
}

/**
 * The root `anchorEvents` takes for these hash IDs. Lowercase hex leaves of one length sort as
 * strings the way the library sorts them as numbers, so anyone holding the IDs, in any order, gets
 * this root.
 */
export function eventIdsRootOf(eventIds: readonly string[]): string {
  const leaves = eventIds.map(eventIdLeaf).sort();
  return SimpleMerkleTree.of(leaves, { sortLeaves: false }).root;
}

/** Whether `proof` shows `eventId` under `root` (a proof from StandardMerkleTree's getProof). */
export function isEventIdUnder(root: string, eventId: string, proof: readonly string[]): boolean {
  return SimpleMerkleTree.verify(root, eventIdLeaf(eventId), [...proof]);
}
