import { describe, expect, it } from "vitest";
import { GS } from "./element-string";
import { parseScanData } from "./scan-data";
import { rejectionOf } from "./testing";

const PACKAGE = [
  ["01", "09506000134352"],
  ["17", "261231"],
  ["10", "AB(1)"],
  ["21", "S1"],
];
const PACKAGE_ELEMENTS = `01095060001343521726123110AB(1)${GS}21S1`;

describe("parseScanData accepts", () => {
  it.each([
    // A Digital Link, as a phone camera or a QR-reading scanner hands it over
    [
      "digital-link",
      "https://id.gs1.org/01/09506000134352/10/AB%281%29/21/S1?17=261231",
      [PACKAGE[0], PACKAGE[2], PACKAGE[3], PACKAGE[1]],
    ],
    [
      "digital-link",
      "]Q1https://id.gs1.org/01/09506000134352/10/AB%281%29/21/S1?17=261231",
      [PACKAGE[0], PACKAGE[2], PACKAGE[3], PACKAGE[1]],
    ],
    ["digital-link", "]d1https://id.gs1.org/01/09506000134352", [["01", "09506000134352"]]],
    [
      "digital-link",
      "https://ID.GS1.ORG/01/09521234543213/22/ABC%2D123?99=XYZ-987",
      [
        ["01", "09521234543213"],
        ["22", "ABC-123"],
        ["99", "XYZ-987"],
      ],
    ],
    // Element strings with each GS1 symbology identifier
    ["element-string", `]C1${PACKAGE_ELEMENTS}`, PACKAGE],
    ["element-string", `]d2${PACKAGE_ELEMENTS}`, PACKAGE],
    ["element-string", `]Q3${PACKAGE_ELEMENTS}`, PACKAGE],
    ["element-string", `]e0${PACKAGE_ELEMENTS}`, PACKAGE],
    // The GS1 Barcode Syntax Engine's scan-data examples
    [
      "element-string",
      `]Q3011231231231233310ABC123${GS}99TESTING`,
      [
        ["01", "12312312312333"],
        ["10", "ABC123"],
        ["99", "TESTING"],
      ],
    ],
    [
      "element-string",
      `]d2011231231231233310ABC123${GS}99TESTING${GS}`,
      [
        ["01", "12312312312333"],
        ["10", "ABC123"],
        ["99", "TESTING"],
      ],
    ],
    // Without a symbology identifier: a leading GS (FNC1) as zxing gives for a Data Matrix, or none
    ["element-string", `${GS}${PACKAGE_ELEMENTS}`, PACKAGE],
    ["element-string", PACKAGE_ELEMENTS, PACKAGE],
    [
      "element-string",
      "01095212345432133103000123",
      [
        ["01", "09521234543213"],
        ["3103", "000123"],
      ],
    ],
    [
      "element-string",
      `0010614141123456789702095060001343523724${GS}10L1`,
      [
        ["00", "106141411234567897"],
        ["02", "09506000134352"],
        ["37", "24"],
        ["10", "L1"],
      ],
    ],
    // The bracketed human-readable form
    ["element-string", "(01)09506000134352(17)261231(10)AB(1)(21)S1", PACKAGE],
    [
      "element-string",
      "(01) 09506000134352 (10) L1",
      [
        ["01", "09506000134352"],
        ["10", "L1"],
      ],
    ],
    // Bare GTINs: EAN-13, UPC-A, EAN-8, GTIN-14 (ITF-14), with or without identifier
    ["gtin", "4006381333931", [["01", "04006381333931"]]],
    ["gtin", "]E04006381333931", [["01", "04006381333931"]]],
    ["gtin", "]E00036000291452", [["01", "00036000291452"]]],
    ["gtin", "036000291452", [["01", "00036000291452"]]],
    ["gtin", "96385074", [["01", "00000096385074"]]],
    ["gtin", "]E496385074", [["01", "00000096385074"]]],
    ["gtin", "09506000134352", [["01", "09506000134352"]]],
    ["gtin", "]I109506000134352", [["01", "09506000134352"]]],
    ["gtin", "9506000134352", [["01", "09506000134352"]]],
    // A keyboard-wedge scanner's CR/LF suffix
    ["gtin", "4006381333931\r\n", [["01", "04006381333931"]]],
    ["digital-link", " https://id.gs1.org/01/09506000134352\n", [["01", "09506000134352"]]],
  ])("%s: %j", (format, text, ais) => {
    const scan = parseScanData(text);
    expect(scan.format).toBe(format);
    expect([...scan.ais]).toEqual(ais);
  });
});

describe("parseScanData rejects", () => {
  it.each([
    ["", "The scan is empty; scan the barcode again."],
    [" \r\n", "The scan is empty; scan the barcode again."],
    [
      "hello",
      "This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN.",
    ],
    [
      "mailto:x@example.com",
      "This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN.",
    ],
    // Check digits of bare GTINs name the digits as scanned
    [
      "09506000134353",
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      "4006381333932",
      "The barcode's GTIN 4006381333932 has a wrong check digit: the last digit should be 1.",
    ],
    [
      "036000291453",
      "The barcode's GTIN 036000291453 has a wrong check digit: the last digit should be 2.",
    ],
    [
      "96385075",
      "The barcode's GTIN 96385075 has a wrong check digit: the last digit should be 4.",
    ],
    [
      "]E04006381333932",
      "The barcode's GTIN 4006381333932 has a wrong check digit: the last digit should be 1.",
    ],
    [
      "]E0400638133393",
      "An EAN-13 or UPC-A barcode holds 13 digits; this one holds “400638133393”.",
    ],
    ["]E4963850", "An EAN-8 barcode holds 8 digits; this one holds “963850”."],
    // Symbology identifiers
    [
      "]C0ABC123",
      "LotLedger can't read this kind of barcode (symbology identifier ]C0); scan the label's QR code, GS1 DataMatrix, GS1-128 or EAN-13.",
    ],
    [
      "]A0ABC",
      "LotLedger can't read this kind of barcode (symbology identifier ]A0); scan the label's QR code, GS1 DataMatrix, GS1-128 or EAN-13.",
    ],
    ["]Q1Hello world", "This QR Code holds no GS1 Digital Link: it does not start with https://."],
    [
      "]d1(01)09506000134352",
      "This Data Matrix holds no GS1 Digital Link: it does not start with https://.",
    ],
    ["]C1", "This barcode holds no GS1 data."],
    [
      "]C10109506000134353",
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    // Element strings
    [`]d2${GS}0109506000134352${GS}${GS}10L1`, "This barcode has two separators (GS) in a row."],
    [
      `${GS}0109506000134352800412`,
      "The barcode's GIAI (8004) 12 does not start with a GS1 company prefix (at least 4 digits).",
    ],
    [
      `${GS}10L1`,
      "The barcode's lot code (10) is only valid together with AI (01), AI (02), AI (03), AI (8006) or AI (8026).",
    ],
    [
      `010950600013435210${"L".repeat(21)}`,
      "The barcode's lot code (10) may have at most 20 characters; it has 21.",
    ],
    [
      "(01)09506000134352(10)L1(10)L2",
      "AI (10) appears twice in this barcode with different values.",
    ],
    // Digital Links
    [
      "https://id.gs1.org/01/09506000134352/10/L1?10=L1",
      "AI (10) appears twice in this Digital Link.",
    ],
    [
      "https://id.gs1.org/01/09506000134352/21/S1/10/L1",
      "In a Digital Link's path, (10) must come before (21).",
    ],
    [
      "https://example.com/products/42",
      "This web address is not a GS1 Digital Link: its path has no GS1 key such as /01/ followed by a GTIN.",
    ],
  ])("%j", (text, message) => {
    expect(rejectionOf(() => parseScanData(text))).toBe(message);
  });
});
