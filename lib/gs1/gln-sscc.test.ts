import { describe, expect, it } from "vitest";
import { parseGln } from "./gln";
import { parseSscc } from "./sscc";
import { rejectionOf } from "./testing";

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
