import { describe, expect, it } from "vitest";
import { gs1CheckDigit, hasValidCheckDigit, parseGln, parseGtin, parseSscc } from "./keys";
import { rejectionOf } from "./testing";

describe("gs1CheckDigit", () => {
  it.each([
    ["0950600013435", 2], // GS1's own example GTIN 09506000134352
    ["629104150021", 3], // EAN-13 6291041500213
    ["9521234000000", 0],
  ])("%s → %i", (data, check) => {
    expect(gs1CheckDigit(data)).toBe(check);
  });

  it("computes an SSCC-18 check digit", () => {
    expect(hasValidCheckDigit("106141411234567897")).toBe(true);
    expect(hasValidCheckDigit("106141411234567898")).toBe(false);
  });
});

describe("parseGtin", () => {
  it("returns 14 digits for GTIN-8, -12, -13 and -14", () => {
    expect(parseGtin("09506000134352")).toBe("09506000134352");
    expect(parseGtin("6291041500213")).toBe("06291041500213");
    expect(parseGtin("036000291452")).toBe("00036000291452");
    expect(parseGtin("96385074")).toBe("00000096385074");
    expect(parseGtin(" 0950 6000 1343 52 ")).toBe("09506000134352");
  });

  it.each([
    [
      "09506000134353",
      "GTIN 09506000134353 has a wrong check digit: the last digit should be 2, not 3. Check the number on the label.",
    ],
    ["0950600013", "A GTIN has 8, 12, 13 or 14 digits; this one has 10."],
    ["09506000l34352", "A GTIN has digits only; remove the letters or symbols."],
    ["", "Enter the GTIN, the 14-digit product number after (01) on the label."],
    ["123456789", "A GTIN has 8, 12, 13 or 14 digits; this one has 9."],
  ])("rejects %j with the message a user sees", (input, message) => {
    expect(() => parseGtin(input)).toThrowError(message);
  });
});

describe("parseGln", () => {
  it.each([
    ["9520123456788", "9520123456788"], // GS1 Digital Link standard's example GLN
    ["9501101020917", "9501101020917"],
    ["5412345000013", "5412345000013"],
    ["0614141000012", "0614141000012"],
    [" 952 0123 45678 8 ", "9520123456788"],
    ["952-0123-456788", "9520123456788"],
  ])("accepts %j", (input, gln) => {
    expect(parseGln(input)).toBe(gln);
  });

  it.each([
    ["", "Enter the GLN, the 13-digit Global Location Number of the place."],
    ["   ", "Enter the GLN, the 13-digit Global Location Number of the place."],
    ["952012345678", "A GLN has 13 digits; this one has 12."],
    ["95201234567880", "A GLN has 13 digits; this one has 14."],
    ["95201234S6788", "A GLN has digits only; remove the letters or symbols."],
    [
      "9520123456789",
      "GLN 9520123456789 has a wrong check digit: the last digit should be 8, not 9. Check the number on the label.",
    ],
  ])("rejects %j", (input, message) => {
    expect(rejectionOf(() => parseGln(input))).toBe(message);
  });
});

describe("parseSscc", () => {
  it.each([
    ["106141411234567897", "106141411234567897"], // GS1 General Specifications' example SSCC
    ["952012345678912345", "952012345678912345"],
    ["006141411234567890", "006141411234567890"],
    ["(00)106141411234567897", "106141411234567897"],
    ["(00) 1 0614141 123456789 7", "106141411234567897"],
  ])("accepts %j", (input, sscc) => {
    expect(parseSscc(input)).toBe(sscc);
  });

  it.each([
    ["", "Enter the SSCC, the 18-digit number after (00) on the pallet label."],
    ["10614141123456789", "An SSCC has 18 digits; this one has 17."],
    ["00106141411234567897", "An SSCC has 18 digits; this one has 20."],
    ["1061414112345678X7", "An SSCC has digits only; remove the letters or symbols."],
    [
      "106141411234567898",
      "SSCC 106141411234567898 has a wrong check digit: the last digit should be 7, not 8. Check the number on the label.",
    ],
  ])("rejects %j", (input, message) => {
    expect(rejectionOf(() => parseSscc(input))).toBe(message);
  });
});
