import { describe, expect, it } from "vitest";
import { companyPrefixOf, isGtinUnderPrefix, parseCompanyPrefix } from "./company-prefix";
import { parseGtin } from "./keys";

describe("parseCompanyPrefix", () => {
  it("keeps leading zeros and ignores spaces and hyphens", () => {
    expect(parseCompanyPrefix("0614141")).toBe("0614141");
    expect(parseCompanyPrefix(" 950-600 ")).toBe("950600");
    expect(parseCompanyPrefix("061414100001")).toBe("061414100001");
  });

  it.each(["", "61414", "0614141000012", "06141A1"])("refuses “%s” with a sentence", (text) => {
    expect(() => parseCompanyPrefix(text)).toThrow(
      /^A GS1 company prefix has 6 to 12 digits, leading zeros included, as on the GS1 licence/,
    );
  });
});

describe("isGtinUnderPrefix", () => {
  it("reads the prefix after a GTIN-14's indicator digit", () => {
    expect(isGtinUnderPrefix("10614141000019", "0614141")).toBe(true);
    expect(isGtinUnderPrefix("00614141000012", "0614141")).toBe(true);
    // The indicator digit is not part of the prefix.
    expect(isGtinUnderPrefix("00614141000012", "0061414")).toBe(false);
    expect(isGtinUnderPrefix("00614142000011", "0614141")).toBe(false);
  });

  it("matches GTIN-13, -12 and -8 as the 14 digits they pad to", () => {
    // GTIN-13 under prefix 9506000; a UPC (GTIN-12) under U.P.C. prefix 036000, GS1 prefix 0036000.
    expect(isGtinUnderPrefix(parseGtin("9506000134352"), "9506000")).toBe(true);
    expect(isGtinUnderPrefix(parseGtin("036000291452"), "0036000")).toBe(true);
    expect(isGtinUnderPrefix(parseGtin("036000291452"), "036000")).toBe(false);
    // A GTIN-8 (GS1-8 prefix 963) sits behind five zeros.
    expect(isGtinUnderPrefix(parseGtin("96385074"), "00000963")).toBe(true);
  });

  it("takes prefixes of every length from 6 to 12 digits", () => {
    const gtin = "09506000134352";
    for (let digits = 6; digits <= 12; digits++) {
      expect(isGtinUnderPrefix(gtin, gtin.slice(1, 1 + digits))).toBe(true);
    }
  });
});

describe("companyPrefixOf", () => {
  it("names the prefix the GTIN carries, or null", () => {
    expect(companyPrefixOf("09506000134352", ["0614141", "950600"])).toBe("950600");
    expect(companyPrefixOf("09506000134352", ["0614141"])).toBeNull();
    expect(companyPrefixOf("09506000134352", [])).toBeNull();
  });
});
