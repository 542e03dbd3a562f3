import { keccak_256 } from "@noble/hashes/sha3.js";
import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";

// Captured events that change no custody or lineage are anchored by one root per capture:
// OpenZeppelin's StandardMerkleTree over their hash IDs as `["string"]` leaves, so each event is
// proven with OpenZeppelin's MerkleProof. The root is computed here on bytes, with the library's
// algorithm (leaves sorted, node = keccak256 of the sorted pair): the library's hex conversions and
// ethers' AbiCoder took most of a 10,000-event capture's time. event-id-tree.test.ts pins the root
// and the leaves to StandardMerkleTree's.

/** The off-chain payload of one capture's anchor: its keccak256 goes on-chain with the root. */
export type EpcisCapturePayload = { type: "EpcisCapture"; captureJob: string; eventIds: string[] };

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

const leafBytes = (eventId: string) => Buffer.from(keccak_256(keccak_256(encodeString(eventId))));
const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString("hex")}`;

function hashPair(a: Buffer, b: Buffer): Buffer {
  const pair = Buffer.compare(a, b) <= 0 ? Buffer.concat([a, b]) : Buffer.concat([b, a]);
  return Buffer.from(keccak_256(pair));
}

/** The leaf of one hash ID: keccak256(keccak256(abi.encode(string eventId))). */
export function eventIdLeaf(eventId: string): string {
  return hex(leafBytes(eventId));
}

/**
 * The root `anchorEvents` takes for these hash IDs: anyone holding the IDs, in any order, gets it.
 * As the library builds it: sorted leaves fill the end of an array of 2n − 1 nodes in reverse, and
 * node i is the pair hash of nodes 2i + 1 and 2i + 2.
 */
export function eventIdsRootOf(eventIds: readonly string[]): string {
  if (eventIds.length === 0) throw new RangeError("An anchor needs at least one event.");
  const leaves = eventIds.map(leafBytes).sort(Buffer.compare);
  const tree = new Array<Buffer>(2 * leaves.length - 1);
  for (const [i, leaf] of leaves.entries()) tree[tree.length - 1 - i] = leaf;
  for (let i = tree.length - 1 - leaves.length; i >= 0; i--) {
    tree[i] = hashPair(tree[2 * i + 1] as Buffer, tree[2 * i + 2] as Buffer);
  }
  return hex(tree[0] as Buffer);
}

/** Whether `proof` shows `eventId` under `root` (a proof from StandardMerkleTree's getProof). */
export function isEventIdUnder(root: string, eventId: string, proof: readonly string[]): boolean {
  return SimpleMerkleTree.verify(root, eventIdLeaf(eventId), [...proof]);
}
