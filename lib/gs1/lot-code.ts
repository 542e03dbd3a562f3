import { AppError } from "@/lib/errors";

/** GS1 AI (10) batch/lot: 1–20 characters of GS1 character set 82 (General Specifications 7.11). */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
export const LOT_CODE_MAX_LENGTH = 20;
export const LOT_CODE_MISSING = "Enter a lot code, the batch number after (10) on the label.";
/**
 * CSET_82 for a form field's `pattern` (browsers compile it with the `v` flag, where ( ) / - must be
 * escaped in a class), so a phone refuses a wrong character before any round trip.
 */
export const LOT_CODE_INPUT_PATTERN = `\\s*[!"%&'\\(\\)*+,\\-.\\/0-9:;<=>?A-Z_a-z]{1,${LOT_CODE_MAX_LENGTH}}\\s*`;
export const LOT_CODE_PATTERN_HINT = `Up to ${LOT_CODE_MAX_LENGTH} letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ (no spaces or #).`;

export function parseLotCode(input: string): string {
  const lotCode = input.trim();
  if (lotCode === "") {
    throw new AppError("INVALID_INPUT", LOT_CODE_MISSING, { field: "lotCode" });
  }
  if (lotCode.length > LOT_CODE_MAX_LENGTH) {
    throw new AppError(
      "INVALID_INPUT",
      `A lot code has at most ${LOT_CODE_MAX_LENGTH} characters; this one has ${lotCode.length}.`,
      { field: "lotCode" },
    );
  }
  if (!CSET_82.test(lotCode)) {
    const bad = [...lotCode].find((c) => !CSET_82.test(c));
    throw new AppError(
      "INVALID_INPUT",
      `A lot code may use letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ only; remove “${bad}”.`,
      { field: "lotCode" },
    );
  }
  return lotCode;
}
