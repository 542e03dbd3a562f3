import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { merkleLeaf, sortedMerkleRoot } from "./merkle-root";

// Captured events that change no custody or lineage are anchored by one root per capture:
// OpenZeppelin's StandardMerkleTree over their hash IDs as `["string"]` leaves, so each event is
// proven with OpenZeppelin's MerkleProof. The root is computed on bytes (lib/epcis/merkle-root.ts)
// and the leaves encoded here: ethers' AbiCoder took much of a 10,000-event capture's time.
// event-id-tree.test.ts pins the root and the leaves to StandardMerkleTree's.

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

const leafBytes = (eventId: string) => merkleLeaf(encodeString(eventId));

/** The leaf of one hash ID: keccak256(keccak256(abi.encode(string eventId))). */
export function eventIdLeaf(eventId: string): string {
  return `0x${leafBytes(eventId).toString("hex")}`;
}

/** The root `anchorEvents` takes for these hash IDs: anyone holding the IDs, in any order, gets it. */
export function eventIdsRootOf(eventIds: readonly string[]): string {
  if (eventIds.length === 0) throw new RangeError("An anchor needs at least one event.");
  return sortedMerkleRoot(eventIds.map(leafBytes));
}

/** Whether `proof` shows `eventId` under `root` (a proof from StandardMerkleTree's getProof). */
export function isEventIdUnder(root: string, eventId: string, proof: readonly string[]): boolean {
  return SimpleMerkleTree.verify(root, eventIdLeaf(eventId), [...proof]);
}
