import { describe, expect, it } from "vitest";
import { buildDigitalLink } from "./digital-link";
import { formatElementString, GS } from "./element-string";
import { hasValidCheckDigit, parseSscc } from "./keys";
import { parseDigitalLink } from "./parse-digital-link";
import { parseScanData } from "./scan-data";
import { buildSscc, serialReferenceCapacity, ssccFromUint64, ssccToUint64 } from "./sscc";
import { rejectionOf } from "./testing";

// GS1 General Specifications' example: extension digit 1, company prefix 0614141, serial 123456789.
const EXAMPLE = "106141411234567897";

describe("buildSscc", () => {
  it("builds GS1's example SSCC with its check digit 7", () => {
    expect(
      buildSscc({ extensionDigit: 1, companyPrefix: "0614141", serialReference: 123456789n }),
    ).toBe(EXAMPLE);
  });

  it("puts the extension digit first and changes only it and the check digit", () => {
    const built = Array.from({ length: 10 }, (_, extensionDigit) =>
      buildSscc({ extensionDigit, companyPrefix: "0614141", serialReference: 123456789n }),
    );
    for (const [digit, sscc] of built.entries()) {
      expect(sscc[0]).toBe(String(digit));
      expect(sscc.slice(1, 17)).toBe(EXAMPLE.slice(1, 17));
      expect(hasValidCheckDigit(sscc)).toBe(true);
    }
    expect(new Set(built).size).toBe(10);
    expect(built[0]).toBe("006141411234567890");
  });

  it.each([7, 8, 9, 10, 11])(
    "fills a %i-digit company prefix's serial reference to 17 digits",
    (length) => {
      const companyPrefix = "0614141234".padEnd(length, "5").slice(0, length);
      const serialDigits = 16 - length;
      expect(serialReferenceCapacity(companyPrefix)).toBe(10n ** BigInt(serialDigits));
      const first = buildSscc({ extensionDigit: 3, companyPrefix, serialReference: 0n });
      const last = buildSscc({
        extensionDigit: 3,
        companyPrefix,
        serialReference: 10n ** BigInt(serialDigits) - 1n,
      });
      expect(first).toBe(`3${companyPrefix}${"0".repeat(serialDigits)}${first.at(-1)}`);
      expect(last.slice(0, 17)).toBe(`3${companyPrefix}${"9".repeat(serialDigits)}`);
      for (const sscc of [first, last]) {
        expect(sscc).toHaveLength(18);
        expect(parseSscc(sscc)).toBe(sscc);
      }
    },
  );

  it.each([
    [
      { extensionDigit: 10, companyPrefix: "0614141", serialReference: 1n },
      "An SSCC's extension digit is one digit from 0 to 9; 10 is not one.",
    ],
    [
      { extensionDigit: -1, companyPrefix: "0614141", serialReference: 1n },
      "An SSCC's extension digit is one digit from 0 to 9; -1 is not one.",
    ],
    [
      { extensionDigit: 1, companyPrefix: "06141", serialReference: 1n },
      "A GS1 company prefix has 6 to 12 digits, leading zeros included, as on the GS1 licence; “06141” is not one.",
    ],
    [
      { extensionDigit: 1, companyPrefix: "0614141234567", serialReference: 1n },
      "A GS1 company prefix has 6 to 12 digits, leading zeros included, as on the GS1 licence; “0614141234567” is not one.",
    ],
    [
      { extensionDigit: 1, companyPrefix: "06141412345", serialReference: 100000n },
      "Company prefix 06141412345 leaves 5 digits for SSCC serial references, from 0 to 99999, so 100000 does not fit: use another company prefix.",
    ],
    [
      { extensionDigit: 1, companyPrefix: "0614141", serialReference: -1n },
      "Company prefix 0614141 leaves 9 digits for SSCC serial references, from 0 to 999999999, so -1 does not fit: use another company prefix.",
    ],
  ])("refuses bad parts with one sentence (%#)", (parts, sentence) => {
    expect(rejectionOf(() => buildSscc(parts))).toBe(sentence);
  });

  it("goes to LotTracker as a uint64 and comes back with its leading zero", () => {
    const sscc = buildSscc({ extensionDigit: 0, companyPrefix: "0614141", serialReference: 5n });
    expect(ssccToUint64(sscc)).toBe(614141000000005n * 10n + BigInt(sscc.at(-1) ?? ""));
    expect(ssccFromUint64(ssccToUint64(sscc))).toBe(sscc);
    expect(ssccFromUint64(ssccToUint64(sscc).toString())).toBe(sscc);
  });
});

describe("an SSCC read back from a label", () => {
  it.each([
    ["GS1-128 as a reader sends it", `]C100${EXAMPLE}`],
    ["GS1-128 with the FNC1 in first position as a GS", `${GS}00${EXAMPLE}`],
    [
      "the logistic label's content barcode and SSCC read together",
      `]C1${formatElementString({ "00": EXAMPLE, "02": "09506000134352", "37": "48", "10": "L1" })}`,
    ],
    ["the human-readable line under the barcode", `(00)${EXAMPLE}`],
    ["a Digital Link", `https://id.gs1.org/00/${EXAMPLE}`],
  ])("%s", (_name, text) => {
    expect(parseScanData(text).ais.get("00")).toBe(EXAMPLE);
  });

  it("builds and parses the Digital Link /00/{sscc}", () => {
    const uri = buildDigitalLink({ stem: "https://id.lotledger.example", ais: { "00": EXAMPLE } });
    expect(uri).toBe(`https://id.lotledger.example/00/${EXAMPLE}`);
    expect(parseDigitalLink(uri).ais).toEqual(new Map([["00", EXAMPLE]]));
  });

  it("takes an SSCC typed with its (00) and spaces", () => {
    expect(parseSscc("(00) 1 0614141 123456789 7")).toBe(EXAMPLE);
  });

  it.each([
    [
      () => parseSscc("106141411234567898"),
      "SSCC 106141411234567898 has a wrong check digit: the last digit should be 7, not 8. Check the number on the label.",
    ],
    [() => parseSscc("10614141123456789"), "An SSCC has 18 digits; this one has 17."],
    [
      () => parseScanData(`]C100106141411234567898`),
      "The barcode's SSCC 106141411234567898 has a wrong check digit: the last digit should be 7.",
    ],
    [
      () => parseDigitalLink(`https://id.gs1.org/00/106141411234567898`),
      "The Digital Link's SSCC 106141411234567898 has a wrong check digit: the last digit should be 7.",
    ],
  ])("refuses a bad SSCC with its reason (%#)", (parse, sentence) => {
    expect(rejectionOf(parse)).toBe(sentence);
  });
});
