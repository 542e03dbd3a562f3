import { ISO_3166_ALPHA2, ISO_3166_NUMERIC, ISO_4217_NUMERIC } from "../generated/iso-codes";

// Linters of coded values: country and currency codes, yes/no flags, pieces of a total, IBANs.

export const isoCountryProblem = (value: string) =>
  ISO_3166_NUMERIC.has(value)
    ? undefined
    : `is not valid: ${value} is not an ISO 3166 country code`;

export const isoCountryOr999Problem = (value: string) =>
  value === "999" ? undefined : isoCountryProblem(value);

export const isoAlpha2Problem = (value: string) =>
  ISO_3166_ALPHA2.has(value)
    ? undefined
    : `is not valid: ${value} is not an ISO 3166 two-letter country code`;

export const isoCurrencyProblem = (value: string) =>
  ISO_4217_NUMERIC.has(value)
    ? undefined
    : `is not valid: ${value} is not an ISO 4217 currency code`;

/** A one-of list: `yesno` (0/1), `winding` (0/1/9), `iso5218` (sex: 0/1/2/9), `zero`, `hyphen`. */
export function oneOf(allowed: string[], meaning: string) {
  return (value: string) => (allowed.includes(value) ? undefined : `is not valid: ${meaning}`);
}

export const nonZeroProblem = (value: string) =>
  /^0+$/.test(value) ? "is not valid: a dimension can't be zero" : undefined;

export const noZeroPrefixProblem = (value: string) =>
  value.length > 1 && value.startsWith("0") ? "must not start with 0" : undefined;

export const hasNonDigitProblem = (value: string) =>
  /^\d+$/.test(value) ? "is not valid: it must contain a character other than a digit" : undefined;

/** `pieceoftotal`: PPTT, piece PP of a total TT, 1 ≤ PP ≤ TT. */
export function pieceOfTotalProblem(pptt: string): string | undefined {
  const [piece, total] = [Number(pptt.slice(0, 2)), Number(pptt.slice(2))];
  if (piece >= 1 && piece <= total) return undefined;
  return `is not valid: piece ${pptt.slice(0, 2)} of ${pptt.slice(2)} does not exist`;
}

/** `posinseqslash`: "N/M", position N of M, 1 ≤ N ≤ M ≤ 9. */
export function positionInSequenceProblem(value: string): string | undefined {
  const match = /^([1-9])\/([1-9])$/.exec(value);
  if (match && Number(match[1]) <= Number(match[2])) return undefined;
  return "is not valid: the birth sequence is written N/M, e.g. 1/2";
}

/** `mediatype`: GS1 AIDC media types 01–10, or 80–99 for company-internal use. */
export function mediaTypeProblem(value: string): string | undefined {
  const type = Number(value);
  if ((type >= 1 && type <= 10) || type >= 80) return undefined;
  return `is not valid: ${value} is not a GS1 AIDC media type`;
}

/** `pcenc`: every "%" starts a percent-encoded byte. */
export const percentEncodingProblem = (value: string) =>
  /%(?![0-9A-Fa-f]{2})/.test(value)
    ? "is not valid: a “%” must be followed by two hexadecimal digits"
    : undefined;

/** `iban`: country letters, check digits, then the account; mod 97 of the rearranged digits is 1. */
export function ibanProblem(iban: string): string | undefined {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || !ISO_3166_ALPHA2.has(iban.slice(0, 2))) {
    return "is not an IBAN: one starts with a country code and two check digits";
  }
  const digits = [...`${iban.slice(4)}${iban.slice(0, 4)}`]
    .map((character) => Number.parseInt(character, 36))
    .join("");
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1 ? undefined : "is not a valid IBAN: its check digits are wrong";
}
