import { describe, expect, it } from "vitest";
import { gs1CheckDigit, hasValidCheckDigit } from "./check-digit";
import { parseGtin } from "./gtin";

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
