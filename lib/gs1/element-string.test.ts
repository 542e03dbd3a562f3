import { describe, expect, it } from "vitest";
import { GS, parseBracketedElementString, parseElementString } from "./element-string";
import { rejectionOf } from "./testing";

const entriesOf = (ais: ReadonlyMap<string, string>) => [...ais];

describe("parseElementString", () => {
  it.each([
    ["0109506000134352", [["01", "09506000134352"]]],
    // Predefined-length AIs need no separator; the variable-length one is last
    [
      "01095060001343521726123110ABC123",
      [
        ["01", "09506000134352"],
        ["17", "261231"],
        ["10", "ABC123"],
      ],
    ],
    // A GS ends each variable-length value that is not last
    [
      `010950600013435210ABC123${GS}21S1`,
      [
        ["01", "09506000134352"],
        ["10", "ABC123"],
        ["21", "S1"],
      ],
    ],
    // The GS1 Barcode Syntax Engine's scan-data examples (after the symbology identifier)
    [
      `011231231231233310ABC123${GS}99TESTING`,
      [
        ["01", "12312312312333"],
        ["10", "ABC123"],
        ["99", "TESTING"],
      ],
    ],
    // BWIPP's GS1-128 and GS1 DataMatrix examples
    [
      "01095212345432133103000123",
      [
        ["01", "09521234543213"],
        ["3103", "000123"],
      ],
    ],
    [
      `01095212345432131712050810ABCD1234${GS}4109501101020917`,
      [
        ["01", "09521234543213"],
        ["17", "120508"],
        ["10", "ABCD1234"],
        ["410", "9501101020917"],
      ],
    ],
    // An SSCC label: (00) (02) (37) (10)
    [
      `0010614141123456789702095060001343523724${GS}10L1`,
      [
        ["00", "106141411234567897"],
        ["02", "09506000134352"],
        ["37", "24"],
        ["10", "L1"],
      ],
    ],
    // A leading GS (FNC1 in first position as some readers send it), a GS after a
    // predefined-length value and a trailing GS are tolerated
    [
      `${GS}0109506000134352${GS}10L1${GS}`,
      [
        ["01", "09506000134352"],
        ["10", "L1"],
      ],
    ],
    // An AI repeated with the same value (two symbols on one label) is kept once
    [`0109506000134352${GS}0109506000134352`, [["01", "09506000134352"]]],
    // Values may contain characters of set 82 that look like syntax
    [
      `010950600013435210AB(1)/2${GS}21x%y`,
      [
        ["01", "09506000134352"],
        ["10", "AB(1)/2"],
        ["21", "x%y"],
      ],
    ],
    [
      "01095060001343523103000195",
      [
        ["01", "09506000134352"],
        ["3103", "000195"],
      ],
    ],
    // (7003) has a fixed length but is not in the predefined-length table: a GS follows it
    [
      `010950600013435270032612312359${GS}90PO1`,
      [
        ["01", "09506000134352"],
        ["7003", "2612312359"],
        ["90", "PO1"],
      ],
    ],
  ])("%j", (data, ais) => {
    expect(entriesOf(parseElementString(data))).toEqual(ais);
  });

  it.each([
    ["", "This barcode holds no GS1 data."],
    [GS, "This barcode holds no GS1 data."],
    [
      "0109506000134353",
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    ["01095060001343", "The barcode's GTIN (01) must have 14 digits; it has 12."],
    [`01095060001343${GS}10L1`, "The barcode's GTIN (01) must have 14 digits; it has 12."],
    [`0109506000134352${GS}${GS}10L1`, "This barcode has two separators (GS) in a row."],
    [
      "0109506000134352880412345",
      "This barcode contains AI (88), which is not a GS1 Application Identifier.",
    ],
    [
      "010950600013435289ABC",
      "This barcode contains AI (89), which is not a GS1 Application Identifier.",
    ],
    ["0109506000134352ABC", "This barcode has “ABC” where a GS1 Application Identifier should be."],
    [
      `010950600013435210${"L".repeat(21)}`,
      "The barcode's lot code (10) may have at most 20 characters; it has 21.",
    ],
    // A missing GS after a variable-length value swallows the next element into it
    [
      "010950600013435210ABC1231726123121SERIAL12",
      "The barcode's lot code (10) may have at most 20 characters; it has 24.",
    ],
    [
      "01095060001343521726133110L1",
      "The barcode's expiry date (17) 261331 is not a valid date (YYMMDD): there is no month 13.",
    ],
    [
      `010950600013435210L1${GS}10L2`,
      "AI (10) appears twice in this barcode with different values.",
    ],
    [
      "10L1",
      "The barcode's lot code (10) is only valid together with AI (01), AI (02), AI (03), AI (8006) or AI (8026).",
    ],
    [
      "01095060001343527003261231235990PO1",
      "The barcode's expiry date and time (7003) may only contain digits, not “P”.",
    ],
    ["01095060001343520209506000134352371", "AI (01) and AI (37) can't be in the same barcode."],
  ])("rejects %j", (data, message) => {
    expect(rejectionOf(() => parseElementString(data))).toBe(message);
  });
});

describe("parseBracketedElementString", () => {
  it.each([
    ["(01)09506000134352", [["01", "09506000134352"]]],
    [
      "(01)09506000134352(10)ABC",
      [
        ["01", "09506000134352"],
        ["10", "ABC"],
      ],
    ],
    [
      "(01)09521234543213(3103)000123",
      [
        ["01", "09521234543213"],
        ["3103", "000123"],
      ],
    ],
    [
      "(01)09521234543213(17)120508(10)ABCD1234(410)9501101020917",
      [
        ["01", "09521234543213"],
        ["17", "120508"],
        ["10", "ABCD1234"],
        ["410", "9501101020917"],
      ],
    ],
    // As printed under a barcode, with spaces
    [
      "(01) 09506000134352 (17) 261231 (10) L1",
      [
        ["01", "09506000134352"],
        ["17", "261231"],
        ["10", "L1"],
      ],
    ],
    // "(" inside a value: escaped, or simply not followed by an AI and ")"
    [
      "(01)09506000134352(10)AB\\(12)(21)S1",
      [
        ["01", "09506000134352"],
        ["10", "AB(12)"],
        ["21", "S1"],
      ],
    ],
    [
      "(01)09506000134352(10)AB(1)",
      [
        ["01", "09506000134352"],
        ["10", "AB(1)"],
      ],
    ],
    [
      "(01)09506000134352(10)(X)",
      [
        ["01", "09506000134352"],
        ["10", "(X)"],
      ],
    ],
  ])("%j", (text, ais) => {
    expect(entriesOf(parseBracketedElementString(text))).toEqual(ais);
  });

  it.each([
    ["", "GS1 data in brackets starts with an AI in brackets, e.g. (01)09506000134352(10)ABC."],
    [
      "01)09506000134352",
      "GS1 data in brackets starts with an AI in brackets, e.g. (01)09506000134352(10)ABC.",
    ],
    [
      "(1)09506000134352",
      "GS1 data in brackets starts with an AI in brackets, e.g. (01)09506000134352(10)ABC.",
    ],
    [
      "(01)09506000134353",
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    ["(01)09506000134352(10)", "The barcode's lot code (10) is empty."],
    [
      "(01)09506000134352(10)AB(19)",
      "This barcode contains AI (19), which is not a GS1 Application Identifier.",
    ],
    [
      "(01)09506000134352(8004)X",
      "The barcode's GIAI (8004) X does not start with a GS1 company prefix (at least 4 digits).",
    ],
    [
      "(01)09506000134352(10)A(10)B",
      "AI (10) appears twice in this barcode with different values.",
    ],
    ["(01) 0950 6000 1343 52", "The barcode's GTIN (01) may only contain digits, not “ ”."],
    [
      "(21)S1",
      "The barcode's serial number (21) is only valid together with AI (01), AI (03) or AI (8006).",
    ],
  ])("rejects %j", (text, message) => {
    expect(rejectionOf(() => parseBracketedElementString(text))).toBe(message);
  });
});
