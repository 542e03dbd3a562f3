import { AbiCoder, getBytes, keccak256, toUtf8Bytes, toUtf8String, zeroPadBytes } from "ethers";

// Mirrors LotTracker.lotIdOf so the app and the indexer name a lot exactly as the contract does;
// contracts/test/lot-tracker.test.ts checks the two stay equal.

const GTIN_14 = /^\d{14}$/;
// A lot code (GS1 AI 10) is at most 20 characters of the GS1 character set, all printable ASCII, so
// one character is one byte and 20 characters always fit the contract's bytes20. LotTracker refuses
// any other bytes20 (LotTrackerInvalidLotCode), so every lot code on the ledger decodes back.
const LOT_CODE = /^[!-~]{1,20}$/;

/** The lot code as the contract's `bytes20`: its ASCII bytes, right-padded with zero bytes. */
export function encodeLotCode(lotCode: string): string {
  if (!LOT_CODE.test(lotCode)) {
    throw new RangeError(
      `Lot code ${JSON.stringify(lotCode)} must be 1 to 20 printable ASCII characters without spaces.`,
    );
  }
  return zeroPadBytes(toUtf8Bytes(lotCode), 20);
}

/** The lot code string from a `bytes20` read from the chain (the inverse of `encodeLotCode`). */
export function decodeLotCode(lotCode: string): string {
  const bytes = getBytes(lotCode);
  const end = bytes.indexOf(0);
  return toUtf8String(end === -1 ? bytes : bytes.subarray(0, end));
}

/** The on-chain lot id of a traceability lot code: keccak256(abi.encode(uint64 gtin, bytes20 lotCode)). */
export function lotIdOf(gtin: string, lotCode: string): string {
  if (!GTIN_14.test(gtin)) throw new RangeError(`GTIN ${JSON.stringify(gtin)} must be 14 digits.`);
  return keccak256(
    AbiCoder.defaultAbiCoder().encode(
      ["uint64", "bytes20"],
      [BigInt(gtin), encodeLotCode(lotCode)],
    ),
  );
}
