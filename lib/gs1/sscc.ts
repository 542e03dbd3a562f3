import { parseGs1Key } from "./gs1-key";

/**
 * Parses an SSCC (Serial Shipping Container Code, 18 digits) of a pallet or case, as typed from the
 * label: a leading "(00)" as printed under the barcode is allowed.
 */
export function parseSscc(input: string): string {
  return parseGs1Key(input.replace(/^\s*\(00\)/, ""), {
    name: "SSCC",
    noun: "An SSCC",
    length: 18,
    field: "sscc",
    emptyMessage: "Enter the SSCC, the 18-digit number after (00) on the pallet label.",
  });
}
