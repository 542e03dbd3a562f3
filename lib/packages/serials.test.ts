import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import { generateSerials, isSerialInLot, serialProofOf, serialsRootOf } from "./serials";

const lotId = lotIdOf("09520123456788", "L-1");
/** The types of a package's leaf, as StandardMerkleTree takes them. */
const SERIAL_LEAF_TYPES = ["bytes32", "string"];

describe("package serials", () => {
  it("are distinct, random, 10 unambiguous characters", () => {
    const serials = generateSerials(500);
    expect(new Set(serials).size).toBe(500);
    for (const serial of serials) expect(serial).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
    expect(generateSerials(500)).not.toEqual(serials);
  });

  it("refuses counts outside 1 to 10,000 with the sentence a user sees", () => {
    for (const count of [0, -1, 1.5, 10_001]) {
      expect(() => generateSerials(count)).toThrow(
        "Packages must be a whole number from 1 to 10000.",
      );
    }
  });

  it("prove membership of every package of the lot, and of nothing else", {
    timeout: 20_000,
  }, () => {
    for (const count of [1, 2, 3, 7, 33]) {
      const serials = generateSerials(count);
      const root = serialsRootOf(lotId, serials);
      for (const serial of serials) {
        const proof = serialProofOf(lotId, serials, serial);
        expect(proof).not.toBeNull();
        expect(isSerialInLot(lotId, root, serial, proof ?? [])).toBe(true);
        // The same serial under another lot's id, or a proof for a neighbour, does not verify.
        expect(isSerialInLot(lotIdOf("09520123456788", "L-2"), root, serial, proof ?? [])).toBe(
          false,
        );
      }
      expect(serialProofOf(lotId, serials, "NOTINLOT22")).toBeNull();
      if (count > 1) {
        const [first, second] = serials as [string, string];
        expect(isSerialInLot(lotId, root, second, serialProofOf(lotId, serials, first) ?? [])).toBe(
          false,
        );
      }
    }
  });

  it("give the same root whatever the order of the list", () => {
    const serials = generateSerials(9);
    expect(serialsRootOf(lotId, [...serials].reverse())).toBe(serialsRootOf(lotId, serials));
  });

  it("give the root of @openzeppelin/merkle-tree's StandardMerkleTree over (lotId, serial)", () => {
    const serials = ["2345ABCDEF", "HJKLMNPQRS", "TUVWXYZ234", "56789ABCDE", "FGHJKLMNPQ"];
    const root = serialsRootOf(lotId, serials);
    // Computed by the library for these five packages: a change of tree or leaf shows here.
    expect(root).toBe("0x35b8735b54809c9e4f0ef014fb7db85d767a8aca70711563a4da2b2b87e2c518");
    const values = serials.map((serial) => [lotId, serial]);
    expect(StandardMerkleTree.of(values, SERIAL_LEAF_TYPES).root).toBe(root);
    // A proof verifies as OpenZeppelin's MerkleProof.verify checks it, for that package only.
    const proof = serialProofOf(lotId, serials, "TUVWXYZ234") ?? [];
    expect(StandardMerkleTree.verify(root, SERIAL_LEAF_TYPES, [lotId, "TUVWXYZ234"], proof)).toBe(
      true,
    );
    expect(StandardMerkleTree.verify(root, SERIAL_LEAF_TYPES, [lotId, "HJKLMNPQRS"], proof)).toBe(
      false,
    );
  });
});
