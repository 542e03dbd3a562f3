import { AppError } from "@/lib/errors";

// GS1 company prefixes: the 6 to 12 digits GS1 licenses to a brand, which every GTIN of its products
// begins with. A GTIN-14 carries the prefix right after its indicator digit; a GTIN-13, -12 or -8
// padded to 14 digits with leading zeros carries it the same way (a UPC's prefix gains its leading
// 0, as GS1 writes U.P.C. company prefixes). LotTracker checks the same rule on-chain.

export const COMPANY_PREFIX_DIGITS = { min: 6, max: 12 } as const;

/**
 * Parses a GS1 company prefix as an operator types it from the organisation's GS1 licence: spaces
 * and hyphens are ignored, leading zeros kept (they are part of the prefix).
 */
export function parseCompanyPrefix(input: string): string {
  const prefix = input.replace(/[\s-]/g, "");
  const { min, max } = COMPANY_PREFIX_DIGITS;
  if (!/^\d+$/.test(prefix) || prefix.length < min || prefix.length > max) {
    throw new AppError(
      "INVALID_INPUT",
      `A GS1 company prefix has ${min} to ${max} digits, leading zeros included, as on the GS1 licence; “${input}” is not one.`,
      { field: "prefix" },
    );
  }
  return prefix;
}

/** True when the GTIN-14 carries `prefix` right after its indicator digit. */
export function isGtinUnderPrefix(gtin14: string, prefix: string): boolean {
  return gtin14.length === 14 && gtin14.startsWith(prefix, 1);
}

/** The prefix of `prefixes` that the GTIN-14 carries, or null when it carries none of them. */
export function companyPrefixOf(gtin14: string, prefixes: readonly string[]): string | null {
  return prefixes.find((prefix) => isGtinUnderPrefix(gtin14, prefix)) ?? null;
}
