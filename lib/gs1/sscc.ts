import { AppError } from "@/lib/errors";
import { parseCompanyPrefix } from "./company-prefix";
import { gs1CheckDigit } from "./keys";

// SSCC (Serial Shipping Container Code): the 18 digits that name one logistic unit — a pallet, a
// roll cage, a case shipped alone — for ever. Extension digit (0–9, the packer's choice, e.g. one
// per packing line), GS1 company prefix, serial reference filling the rest to 17 digits, check digit.
// Parsing one as scanned or typed is lib/gs1/keys.ts's parseSscc.

/** Data digits before the check digit: extension digit + company prefix + serial reference. */
const SSCC_DATA_DIGITS = 17;

/**
 * How many serial references a company prefix leaves: 10 digits under a 6-digit prefix, 4 under a
 * 12-digit one. Once they are used up, the organisation needs another prefix: an SSCC is never reused.
 */
export function serialReferenceCapacity(companyPrefix: string): bigint {
  return 10n ** BigInt(SSCC_DATA_DIGITS - 1 - parseCompanyPrefix(companyPrefix).length);
}

/**
 * The SSCC of a logistic unit from its parts, check digit computed. Refused with one sentence each:
 * an extension digit that is not one digit, a company prefix that is not 6–12 digits, and a serial
 * reference that is negative or does not fit the digits the prefix leaves.
 */
export function buildSscc({
  extensionDigit,
  companyPrefix,
  serialReference,
}: {
  extensionDigit: number;
  companyPrefix: string;
  serialReference: bigint;
}): string {
  if (!Number.isInteger(extensionDigit) || extensionDigit < 0 || extensionDigit > 9) {
    throw new AppError(
      "INVALID_INPUT",
      `An SSCC's extension digit is one digit from 0 to 9; ${extensionDigit} is not one.`,
      { field: "extensionDigit" },
    );
  }
  const prefix = parseCompanyPrefix(companyPrefix);
  const capacity = serialReferenceCapacity(prefix);
  if (serialReference < 0n || serialReference >= capacity) {
    const digits = SSCC_DATA_DIGITS - 1 - prefix.length;
    throw new AppError(
      "INVALID_INPUT",
      `Company prefix ${prefix} leaves ${digits} digits for SSCC serial references, from 0 to ${capacity - 1n}, so ${serialReference} does not fit: use another company prefix.`,
      { field: "serialReference" },
    );
  }
  const data = `${extensionDigit}${prefix}${serialReference.toString().padStart(SSCC_DATA_DIGITS - 1 - prefix.length, "0")}`;
  return `${data}${gs1CheckDigit(data)}`;
}

/** An SSCC as LotTracker takes it: its 18 digits as one uint64 (leading zeros don't survive). */
export function ssccToUint64(sscc: string): bigint {
  return BigInt(sscc);
}

/** An SSCC back from LotTracker's uint64 (or the outbox's decimal string of it): 18 digits. */
export function ssccFromUint64(value: bigint | string): string {
  return value.toString().padStart(SSCC_DATA_DIGITS + 1, "0");
}
