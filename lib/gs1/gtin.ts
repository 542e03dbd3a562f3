import { AppError } from "@/lib/errors";
import { gs1CheckDigit } from "./check-digit";

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
