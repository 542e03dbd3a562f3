import { AbiCoder, keccak256 } from "ethers";

/** The leaf of one sensor reading: keccak256(keccak256(abi.encode(lotId, takenAt, centiCelsius))). */
export function readingLeaf(lotId: string, takenAt: number, centiCelsius: number): string {
  const encoded = AbiCoder.defaultAbiCoder().encode(
    ["bytes32", "uint64", "int32"],
    [lotId, takenAt, centiCelsius],
  );
  return keccak256(keccak256(encoded));
}
