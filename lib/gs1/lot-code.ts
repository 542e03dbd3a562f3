import { AppError } from "@/lib/errors";

/** GS1 AI (10) batch/lot: 1–20 characters of GS1 character set 82 (General Specifications 7.11). */
const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
export const LOT_CODE_MAX_LENGTH = 20;

export function parseLotCode(input: string): string {
  const lotCode = input.trim();
  if (lotCode === "") {
    throw new AppError(
      "INVALID_INPUT",
      "Enter a lot code, the batch number after (10) on the label.",
      { field: "lotCode" },
    );
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
