import { describe, expect, it } from "vitest";
import { validateAiValue } from "../ai-value";
import { rejectionOf } from "../testing";
import { checkCharacterPair } from "./check-characters";
import { KNOWN_LINTERS, LINTERS } from "./index";

// GS1's linters as a user meets them: through an AI's value, with the sentence they see.
describe("GS1 linters", () => {
  it("computes a GMN's check character pair (GS1 General Specifications' example)", () => {
    expect(checkCharacterPair("1987654Ad4X4bL5ttr2310c")).toBe("2K");
  });

  it.each([
    ["8013", "1987654Ad4X4bL5ttr2310c2K"], // csumalpha
    ["8017", "952012345678901233"], // csum, key
    ["7250", "20000229"], // yyyymmdd: 2000 was a leap year
    ["7251", "199912312359"], // yyyymmdd + hhmi
    ["4324", "2612000930"], // yymmd0 + hhmi
    ["8008", "26123123"], // yymmdd + hh, minutes and seconds optional
    ["422", "276"], // iso3166
    ["7030", "999ABC"], // iso3166999
    ["4307", "DE"], // iso3166alpha2
    ["3912", "978995"], // iso4217 + amount
    ["4330", "032000-"], // hyphen
    ["4321", "1"], // yesno
    ["8001", "01200050010011"], // nonzero ×3, winding
    ["8006", "095060001343520202"], // csum + pieceoftotal
    ["8007", "GB82WEST12345698765432"], // iban
    ["4300", "M%C3%BCller"], // pcenc
    ["4309", "05000000001800000000"], // latitude, longitude
    ["7258", "1/2"], // posinseqslash
    ["7241", "01"], // mediatype
    ["8030", "abc-_XYZ09"], // base64url
  ])("accepts (%s) %s", (ai, value) => {
    expect(() => validateAiValue(ai, value, "barcode")).not.toThrow();
  });

  it.each([
    [
      "8013",
      "1987654Ad4X4bL5ttr2310c2J",
      "The barcode's GMN 1987654Ad4X4bL5ttr2310c2J has wrong check characters: the last two should be 2K.",
    ],
    [
      "8017",
      "952012345678901234",
      "The barcode's GSRN of the service provider 952012345678901234 has a wrong check digit: the last digit should be 3.",
    ],
    [
      "8003",
      "09520123456789X1",
      "The barcode's GRAI (8003) 09520123456789X1 has a wrong check digit: the last digit should be 8 (characters 2–14).",
    ],
    [
      "8003",
      "19520123456788",
      "The barcode's GRAI (8003) 19520123456788 is not valid: this digit must be 0.",
    ],
    [
      "401",
      "AB1234",
      "The barcode's GINC (401) AB1234 does not start with a GS1 company prefix (at least 4 digits).",
    ],
    [
      "7250",
      "19000229",
      "The barcode's DOB (7250) 19000229 is not a valid date (YYYYMMDD): month 02 has no day 29.",
    ],
    [
      "4324",
      "2612002460",
      "The barcode's NOT BEF DEL DT (4324) 2612002460 is not a valid time (HHMI): there is no 24:60.",
    ],
    [
      "422",
      "999",
      "The barcode's country of origin (422) 999 is not valid: 999 is not an ISO 3166 country code.",
    ],
    [
      "4307",
      "XX",
      "The barcode's SHIP TO COUNTRY (4307) XX is not valid: XX is not an ISO 3166 two-letter country code.",
    ],
    [
      "3912",
      "000995",
      "The barcode's AMOUNT (3912) 000995 is not valid: 000 is not an ISO 4217 currency code.",
    ],
    [
      "4330",
      "032000+",
      "The barcode's MAX TEMP F. (4330) 032000+ is not valid: the optional last character is “-” for a negative temperature.",
    ],
    [
      "4321",
      "2",
      "The barcode's DANGEROUS GOODS (4321) 2 is not valid: it must be 0 (no) or 1 (yes).",
    ],
    [
      "8001",
      "00000050010011",
      "The barcode's DIMENSIONS (8001) 00000050010011 is not valid: a dimension can't be zero.",
    ],
    [
      "8006",
      "095060001343520302",
      "The barcode's ITIP (8006) 095060001343520302 is not valid: piece 03 of 02 does not exist.",
    ],
    [
      "8007",
      "GB82WEST12345698765431",
      "The barcode's IBAN (8007) GB82WEST12345698765431 is not a valid IBAN: its check digits are wrong.",
    ],
    [
      "4300",
      "100%",
      "The barcode's SHIP TO COMP (4300) 100% is not valid: a “%” must be followed by two hexadecimal digits.",
    ],
    ["4330", "03200", "The barcode's MAX TEMP F. (4330) must have 6 or 7 characters; it has 5."],
    ["8008", "261231234", "The barcode's PROD TIME (8008) must have 8, 10 or 12 digits; it has 9."],
    [
      "8030",
      "abc+",
      "The barcode's DIGSIG (8030) may only contain letters, digits, - and _, not “+”.",
    ],
    [
      "8003",
      "09520123456788Ä",
      "The barcode's GRAI (8003) may only contain letters, digits and ! \" % & ' ( ) * + , - . / : ; < = > ? _ (character 15), not “Ä”.",
    ],
  ])("rejects (%s) %s", (ai, value, message) => {
    expect(rejectionOf(() => validateAiValue(ai, value, "barcode"))).toBe(message);
  });

  it("knows every linter it implements and lists the ones it leaves unchecked", () => {
    for (const linter of [
      "csum",
      "csumalpha",
      "key",
      "yymmd0",
      "yymmdd",
      "hhmi",
      "nonzero",
      "iso3166",
    ]) {
      expect(LINTERS[linter], linter).toBeTypeOf("function");
    }
    expect(KNOWN_LINTERS.has("couponcode")).toBe(true);
    expect(KNOWN_LINTERS.has("newlinter")).toBe(false);
  });
});
