import { AppError } from "@/lib/errors";
import { gs1CheckDigit } from "./check-digit";

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
