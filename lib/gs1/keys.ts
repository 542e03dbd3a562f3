import { AppError } from "@/lib/errors";
import { getAiDefinition } from "./ai-table";

// GS1 identification keys as typed or scanned: GTIN (products), GLN (places and parties), SSCC
// (logistic units), each with its check digit; each rejection says what is wrong and what to check.

/**
 * GS1 check digit (GTIN, GLN, SSCC): weights 3,1,3,1,… from the rightmost data digit;
 * check = (10 − sum mod 10) mod 10.
 */
export function gs1CheckDigit(dataDigits: string): number {
  let sum = 0;
  for (let i = 0; i < dataDigits.length; i++) {
    const digit = dataDigits.charCodeAt(dataDigits.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of a numeric GS1 key is its correct check digit. */
export function hasValidCheckDigit(key: string): boolean {
  if (!/^\d{2,}$/.test(key)) return false;
  return gs1CheckDigit(key.slice(0, -1)) === Number(key.at(-1));
}

const GTIN_LENGTHS = [8, 12, 13, 14];

/**
 * Parses a GTIN-8, -12, -13 or -14 as typed or scanned and returns it as the 14 digits GS1 Digital
 * Link and the ledger use. Each rejection says what is wrong and what to check.
 */
export function parseGtin(input: string): string {
  const gtin = input.replace(/[\s-]/g, "");
  if (gtin === "") {
    throw new AppError(
      "INVALID_INPUT",
      "Enter the GTIN, the 14-digit product number after (01) on the label.",
      { field: "gtin" },
    );
  }
  if (!/^\d+$/.test(gtin)) {
    throw new AppError("INVALID_INPUT", "A GTIN has digits only; remove the letters or symbols.", {
      field: "gtin",
    });
  }
  if (!GTIN_LENGTHS.includes(gtin.length)) {
    throw new AppError(
      "INVALID_INPUT",
      `A GTIN has 8, 12, 13 or 14 digits; this one has ${gtin.length}.`,
      { field: "gtin" },
    );
  }
  const expected = gs1CheckDigit(gtin.slice(0, -1));
  if (expected !== Number(gtin.at(-1))) {
    throw new AppError(
      "INVALID_INPUT",
      `GTIN ${gtin} has a wrong check digit: the last digit should be ${expected}, not ${gtin.at(-1)}. Check the number on the label.`,
      { field: "gtin" },
    );
  }
  return gtin.padStart(14, "0");
}

interface Gs1KeySpec {
  /** As used in the key's messages: "GLN". */
  name: string;
  /** With its article, to start a sentence: "A GLN", "An SSCC". */
  noun: string;
  length: number;
  field: string;
  emptyMessage: string;
}

/**
 * Parses a fixed-length GS1 key (GLN, SSCC) as typed or scanned: spaces and hyphens are ignored;
 * each rejection says what is wrong and what to check, like parseGtin.
 */
export function parseGs1Key(input: string, spec: Gs1KeySpec): string {
  const { name, noun, length, field } = spec;
  const key = input.replace(/[\s-]/g, "");
  if (key === "") throw new AppError("INVALID_INPUT", spec.emptyMessage, { field });
  if (!/^\d+$/.test(key)) {
    throw new AppError("INVALID_INPUT", `${noun} has digits only; remove the letters or symbols.`, {
      field,
    });
  }
  if (key.length !== length) {
    throw new AppError(
      "INVALID_INPUT",
      `${noun} has ${length} digits; this one has ${key.length}.`,
      { field },
    );
  }
  const expected = gs1CheckDigit(key.slice(0, -1));
  if (expected !== Number(key.at(-1))) {
    throw new AppError(
      "INVALID_INPUT",
      `${name} ${key} has a wrong check digit: the last digit should be ${expected}, not ${key.at(-1)}. Check the number on the label.`,
      { field },
    );
  }
  return key;
}

/** A fixed-length key's length in GS1's Syntax Dictionary: GLN (414) 13 digits, SSCC (00) 18. */
function keyLength(ai: string): number {
  return getAiDefinition(ai)?.maxLength ?? 0;
}

/** Parses a GLN (Global Location Number, 13 digits) of a farm, packhouse, warehouse or store. */
export function parseGln(input: string): string {
  return parseGs1Key(input, {
    name: "GLN",
    noun: "A GLN",
    length: keyLength("414"),
    field: "gln",
    emptyMessage: "Enter the GLN, the 13-digit Global Location Number of the place.",
  });
}

/**
 * Parses an SSCC (Serial Shipping Container Code, 18 digits) of a pallet or case, as typed from the
 * label: a leading "(00)" as printed under the barcode is allowed.
 */
export function parseSscc(input: string): string {
  return parseGs1Key(input.replace(/^\s*\(00\)/, ""), {
    name: "SSCC",
    noun: "An SSCC",
    length: keyLength("00"),
    field: "sscc",
    emptyMessage: "Enter the SSCC, the 18-digit number after (00) on the pallet label.",
  });
}
