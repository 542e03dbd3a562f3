import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { describe, expect, it } from "vitest";
import { eventIdLeaf, eventIdsRootOf, isEventIdUnder } from "./event-id-tree";

const ids = [
  "ni:///sha-256;aa49daa1fe0b773e0437e546078dc87de9c864d5b9babe84488f31478887fdf3?ver=CBV2.0",
  "ni:///sha-256;00e1e6eba3a7cc6125be4793a631f0af50f8322e0ab5f2c0bab994a11cec1d79?ver=CBV2.0",
  "urn:uuid:374d95fc-9457-4a51-bd6a-0bba133845a8",
  "ni:///sha-256;é-not-ascii-and-longer-than-sixty-four-bytes-to-pad-two-words-0123456789",
];

describe("the Merkle tree of captured events' hash IDs", () => {
  it('gives StandardMerkleTree\'s root over ["string"] leaves, in any order', () => {
    const library = StandardMerkleTree.of(
      ids.map((id) => [id]),
      ["string"],
    );
    expect(eventIdsRootOf(ids)).toBe(library.root);
    expect(eventIdsRootOf([...ids].reverse())).toBe(library.root);
    expect(eventIdLeaf(ids[0] as string)).toBe(library.leafHash([ids[0] as string]));
    // Odd and even counts, and one leaf (the root is the leaf).
    for (const count of [1, 2, 3, 5, 8, 13]) {
      const some = Array.from({ length: count }, (_, i) => `urn:uuid:event-${i}`);
      const theirs = StandardMerkleTree.of(
        some.map((id) => [id]),
        ["string"],
      );
      expect(eventIdsRootOf(some)).toBe(theirs.root);
    }
  });

  it("proves a member with the library's proof and refuses a stranger", () => {
    const library = StandardMerkleTree.of(
      ids.map((id) => [id]),
      ["string"],
    );
    const proof = library.getProof([ids[2] as string]);
    expect(isEventIdUnder(library.root, ids[2] as string, proof)).toBe(true);
    expect(isEventIdUnder(library.root, "urn:uuid:stranger", proof)).toBe(false);
  });
});
