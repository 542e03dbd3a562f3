import { type Signer, type TypedDataDomain, TypedDataEncoder, verifyTypedData } from "ethers";
import { encodeLotCode } from "./lot-id";

// The EIP-712 typed data a data logger signs for each batch of readings it reports, exactly as
// LotTrackerColdChain checks it (contracts/state/LotTrackerColdChain.sol): the device, the ingestion
// service and the simulator build it here, and contracts/test/cold-chain tests pin it to the contract.

/** A batch as the device signs it, in JSON-friendly types: the GTIN-14 and the lot code as text. */
export type ReadingBatch = {
  gtin: string;
  lotCode: string;
  readingsRoot: string;
  readingCount: number;
  /** Strictly increasing per device; the contract refuses a batch not above its last. */
  sequence: number;
  /** Unix seconds of the first and last reading. */
  firstReadingAt: number;
  lastReadingAt: number;
  minMilliCelsius: number;
  maxMilliCelsius: number;
  minutesOutsideRange: number;
};

export const READING_BATCH_TYPES = {
  ReadingBatch: [
    { name: "gtin", type: "uint64" },
    { name: "lotCode", type: "bytes20" },
    { name: "readingsRoot", type: "bytes32" },
    { name: "readingCount", type: "uint32" },
    { name: "sequence", type: "uint32" },
    { name: "firstReadingAt", type: "uint40" },
    { name: "lastReadingAt", type: "uint40" },
    { name: "minMilliCelsius", type: "int32" },
    { name: "maxMilliCelsius", type: "int32" },
    { name: "minutesOutsideRange", type: "uint32" },
  ],
};

/** LotTracker's EIP-712 domain on one chain. */
export function readingBatchDomain(chainId: number | bigint, contract: string): TypedDataDomain {
  return { name: "LotLedger LotTracker", version: "1", chainId, verifyingContract: contract };
}

/** The batch as the contract's ReadingBatch struct (the call's first argument, and what is signed). */
export function readingBatchStruct(batch: ReadingBatch) {
  return {
    gtin: BigInt(batch.gtin),
    lotCode: encodeLotCode(batch.lotCode),
    readingsRoot: batch.readingsRoot,
    readingCount: batch.readingCount,
    sequence: batch.sequence,
    firstReadingAt: batch.firstReadingAt,
    lastReadingAt: batch.lastReadingAt,
    minMilliCelsius: batch.minMilliCelsius,
    maxMilliCelsius: batch.maxMilliCelsius,
    minutesOutsideRange: batch.minutesOutsideRange,
  };
}

/** The device's signature of the batch (65 bytes, 0x-hex). */
export function signReadingBatch(
  device: Signer,
  domain: TypedDataDomain,
  batch: ReadingBatch,
): Promise<string> {
  return device.signTypedData(domain, READING_BATCH_TYPES, readingBatchStruct(batch));
}

/** The address whose key signed the batch (any signature recovers some address: compare it). */
export function readingBatchSigner(
  domain: TypedDataDomain,
  batch: ReadingBatch,
  signature: string,
): string {
  return verifyTypedData(domain, READING_BATCH_TYPES, readingBatchStruct(batch), signature);
}

/** The EIP-712 digest the contract recovers the device from. */
export function readingBatchDigest(domain: TypedDataDomain, batch: ReadingBatch): string {
  return TypedDataEncoder.hash(domain, READING_BATCH_TYPES, readingBatchStruct(batch));
}
