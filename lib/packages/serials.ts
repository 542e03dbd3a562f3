import { randomInt } from "node:crypto";
import { AbiCoder, keccak256 } from "ethers";
import { merkleProof, merkleRoot, verifyMerkleProof } from "@/lib/chain/merkle";

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

/** The root that goes on-chain with the lot. Serials are taken in sorted order, so any holder of the
 * list recomputes the same root. */
export function serialsRootOf(lotId: string, serials: readonly string[]): string {
  return merkleRoot([...serials].sort().map((serial) => serialLeaf(lotId, serial)));
}

/** The proof that `serial` is one of the lot's packages, or null when it is not in the list. */
export function serialProofOf(
  lotId: string,
  serials: readonly string[],
  serial: string,
): string[] | null {
  const sorted = [...serials].sort();
  const index = sorted.indexOf(serial);
  return index === -1
    ? null
    : merkleProof(
        sorted.map((s) => serialLeaf(lotId, s)),
        index,
      );
}

export function isSerialInLot(
  lotId: string,
  serialsRoot: string,
  serial: string,
  proof: readonly string[],
): boolean {
  return verifyMerkleProof(serialsRoot, serialLeaf(lotId, serial), proof);
}
