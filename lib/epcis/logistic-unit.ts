import { gs1CheckDigit } from "@/lib/gs1/keys";

// A logistic unit in EPCIS is its SSCC as an EPC pure-identity URI (TDS 2.x): the company prefix,
// a dot, then the extension digit and serial reference; the check digit is left out. The URI keeps
// the prefix's length, which the 18 digits alone do not say, so building one needs the prefix.

const SSCC_EPC = /^urn:epc:id:sscc:(\d{6,12})\.(\d{5,11})$/;

/** `urn:epc:id:sscc:{companyPrefix}.{extension digit}{serial reference}` of an 18-digit SSCC. */
export function ssccEpc(sscc: string, companyPrefix: string): string {
  if (!sscc.startsWith(companyPrefix, 1)) {
    throw new RangeError(`SSCC ${sscc} is not under company prefix ${companyPrefix}.`);
  }
  const serial = sscc.slice(1 + companyPrefix.length, 17);
  return `urn:epc:id:sscc:${companyPrefix}.${sscc[0]}${serial}`;
}

/**
 * The 18-digit SSCC an EPC names — a pure-identity URI (check digit computed), a Digital Link
 * `/00/`, or the 18 digits — or null when it names no SSCC.
 */
export function ssccOfEpc(epc: string): string | null {
  const match = SSCC_EPC.exec(epc);
  if (match) {
    const [, prefix, rest] = match as unknown as [string, string, string];
    if (prefix.length + rest.length !== 17) return null;
    // The serial reference starts with the extension digit, which leads the SSCC.
    const data = `${rest[0]}${prefix}${rest.slice(1)}`;
    return `${data}${gs1CheckDigit(data)}`;
  }
  const digits = /^(?:https?:\/\/[^?#]*\/00\/)?(\d{18})(?:[?#].*)?$/.exec(epc);
  return digits ? (digits[1] as string) : null;
}

/** The company prefix of `prefixes` an SSCC is under (the digits after its extension digit). */
export function ssccCompanyPrefix(sscc: string, prefixes: readonly string[]): string | null {
  return prefixes.find((prefix) => sscc.startsWith(prefix, 1)) ?? null;
}
