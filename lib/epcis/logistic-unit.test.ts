import { describe, expect, it } from "vitest";
import { ssccCompanyPrefix, ssccEpc, ssccOfEpc } from "./logistic-unit";

// GS1's example SSCC 1 0614141 123456789 7 (extension digit 1, company prefix 0614141).
const SSCC = "106141411234567897";

describe("SSCC as an EPC URI", () => {
  it("writes the company prefix, a dot, then the extension digit and serial reference", () => {
    expect(ssccEpc(SSCC, "0614141")).toBe("urn:epc:id:sscc:0614141.1123456789");
  });

  it("reads it back with the check digit computed", () => {
    expect(ssccOfEpc("urn:epc:id:sscc:0614141.1123456789")).toBe(SSCC);
    expect(ssccOfEpc("urn:epc:id:sscc:0614141.112345678")).toBeNull();
    expect(ssccOfEpc("urn:epc:id:sgtin:0614141.112345.400")).toBeNull();
  });

  it("finds the packer's prefix the SSCC is under, after its extension digit", () => {
    expect(ssccCompanyPrefix(SSCC, ["950600", "0614141"])).toBe("0614141");
    expect(ssccCompanyPrefix(SSCC, ["106141"])).toBeNull();
    expect(() => ssccEpc(SSCC, "950600")).toThrow(
      "SSCC 106141411234567897 is not under company prefix 950600.",
    );
  });
});

describe("ssccOfEpc", () => {
  it.each([
    ["urn:epc:id:sscc:0614141.1234567890", "106141412345678908"],
    ["https://id.gs1.org/00/106141412345678908", "106141412345678908"],
    ["106141412345678908", "106141412345678908"],
  ])("reads %s as %s", (epc, sscc) => {
    expect(ssccOfEpc(epc)).toBe(sscc);
  });

  it.each([
    "urn:epc:id:sscc:0614141.123456789",
    "urn:epc:id:sgtin:0614141.812345.6789",
    "https://id.gs1.org/01/09506000134352",
    "1061414123456789",
  ])("reads no SSCC in %s", (epc) => {
    expect(ssccOfEpc(epc)).toBeNull();
  });
});
