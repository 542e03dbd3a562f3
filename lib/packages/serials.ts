import { randomInt } from "node:crypto";
import { SimpleMerkleTree } from "@openzeppelin/merkle-tree";
import { AbiCoder, keccak256 } from "ethers";

// Serials (GS1 AI 21) are random, not sequential, so one package's label does not reveal its
// neighbours. 10 characters from 32 unambiguous ones (no 0/O, 1/I) = 50 bits: a typo of one character
// lands on another lot's serial with negligible probability, and staff can read it aloud.
const SERIAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const SERIAL_LENGTH = 10;

/** The most packages one commissioning makes: a label run, and a proof of at most 14 hashes. */
export const MAX_PACKAGES_PER_LOT = 10_000;

/** `count` distinct random serials. */
export function generateSerials(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PACKAGES_PER_LOT) {
    throw new RangeError(`Packages must be a whole number from 1 to ${MAX_PACKAGES_PER_LOT}.`);
  }
  const serials = new Set<string>();
  while (serials.size < count) {
    let serial = "";
    for (let i = 0; i < SERIAL_LENGTH; i++)
      serial += SERIAL_ALPHABET[randomInt(SERIAL_ALPHABET.length)];
    serials.add(serial);
  }
  return [...serials].sort();
}

/** The Merkle leaf of one package: keccak256(keccak256(abi.encode(bytes32 lotId, string serial))). */
export function serialLeaf(lotId: string, serial: string): string {
  return keccak256(
    keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "string"], [lotId, serial])),
  );
}

// A lot's packages are anchored as the root of OpenZeppelin's StandardMerkleTree over those leaves,
// so a package's proof verifies with OpenZeppelin's MerkleProof.verify. SimpleMerkleTree builds it
// from the leaf hashes: the tree StandardMerkleTree.of gives for the values (serials.test.ts pins
// it). The library sorts the leaves, so any holder of the list, in any order, gets the same root.
export type SerialsTree = SimpleMerkleTree;

/** The tree over the lot's packages: its value `i` is the leaf of `serials[i]`. */
export function serialsTreeOf(lotId: string, serials: readonly string[]): SerialsTree {
  return SimpleMerkleTree.of(serials.map((serial) => serialLeaf(lotId, serial)));
}

/** The root that goes on-chain with the lot. */
export function serialsRootOf(lotId: string, serials: readonly string[]): string {
  return serialsTreeOf(lotId, serials).root;
}

/** The proof that `serial` is one of the lot's packages, or null when it is not in the list. */
export function serialProofOf(
  lotId: string,
  serials: readonly string[],
  serial: string,
): string[] | null {
  const index = serials.indexOf(serial);
  return index === -1 ? null : serialsTreeOf(lotId, serials).getProof(index);
}

export function isSerialInLot(
  lotId: string,
  serialsRoot: string,
  serial: string,
  proof: readonly string[],
): boolean {
  return SimpleMerkleTree.verify(serialsRoot, serialLeaf(lotId, serial), [...proof]);
}
