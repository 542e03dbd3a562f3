import { gs1CheckDigit } from "../keys";

// Check digits and check character pairs of GS1 keys, and the GS1 company prefix a key starts with.

/** The mod-10 check digit of GTIN, GLN, SSCC, GRAI, GSRN … (`csum`). */
export function checkDigitProblem(digits: string): string | undefined {
  const expected = gs1CheckDigit(digits.slice(0, -1));
  if (String(expected) === digits.at(-1)) return undefined;
  return `has a wrong check digit: the last digit should be ${expected}`;
}

const CSET_82 =
  "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
const CSET_32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const PRIMES = [
  83, 79, 73, 71, 67, 61, 59, 53, 47, 43, 41, 37, 31, 29, 23, 19, 17, 13, 11, 7, 5, 3, 2,
];

/**
 * The check character pair of a GMN (`csumalpha`, GS1 General Specifications 7.9.5): the values
 * of the characters weighted by primes from the right, modulo 1021, written as two CSET 32
 * characters.
 */
export function checkCharacterPair(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    sum += CSET_82.indexOf(data.charAt(i)) * (PRIMES[PRIMES.length - data.length + i] ?? 0);
  }
  sum %= 1021;
  return `${CSET_32.charAt(sum >> 5)}${CSET_32.charAt(sum & 31)}`;
}

export function checkCharacterPairProblem(value: string): string | undefined {
  if (value.length < 2 || value.length - 2 > PRIMES.length)
    return "is too short for its check characters";
  const expected = checkCharacterPair(value.slice(0, -2));
  if (value.endsWith(expected)) return undefined;
  return `has wrong check characters: the last two should be ${expected}`;
}

/** `key`, `keyoff1`: a GS1 key starts (after `offset` characters) with a company prefix of 4+ digits. */
export function companyPrefixProblem(offset: number) {
  return (value: string) =>
    /^\d{4}/.test(value.slice(offset))
      ? undefined
      : "does not start with a GS1 company prefix (at least 4 digits)";
}
