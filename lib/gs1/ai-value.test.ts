import { describe, expect, it } from "vitest";
import { checkAiAssociations } from "./ai-associations";
import { describeCharacter, toAiEntries, validateAiValue } from "./ai-value";
import { rejectionOf } from "./testing";

describe("validateAiValue", () => {
  it.each([
    ["00", "106141411234567897"], // GS1's example SSCC
    ["00", "952012345678912345"],
    ["01", "09506000134352"],
    ["01", "09520123456788"],
    ["02", "09521234543213"],
    ["10", "ABC123"],
    ["10", "A"],
    ["10", "x!\"%&'()*+,-./:;<=>"],
    ["10", "L".repeat(20)],
    ["11", "260131"],
    ["13", "240229"], // leap year
    ["15", "261200"], // day 00: "end of month" is allowed in best-before dates
    ["17", "261231"],
    ["20", "07"],
    ["21", "12345"],
    ["22", "2A"],
    ["30", "1"],
    ["30", "12345678"],
    ["3103", "000195"],
    ["3202", "012345"],
    ["37", "25"],
    ["400", "PO-2026/0042"],
    ["410", "9501101020917"],
    ["414", "9520123456788"],
    ["422", "276"],
    ["7003", "2612312359"],
    ["7006", "260101"],
    ["7007", "260101"],
    ["7007", "260101260115"],
    ["8010", "9520PART#-/9A"],
    ["8011", "123"],
    ["8200", "https://example.com/product?id=1"],
    ["99", "X".repeat(90)],
  ])("accepts (%s) %s", (ai, value) => {
    expect(() => validateAiValue(ai, value, "barcode")).not.toThrow();
  });

  it.each([
    [
      "01",
      "09506000134353",
      "The barcode's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      "00",
      "106141411234567898",
      "The barcode's SSCC 106141411234567898 has a wrong check digit: the last digit should be 7.",
    ],
    [
      "414",
      "9520123456789",
      "The barcode's location GLN 9520123456789 has a wrong check digit: the last digit should be 8.",
    ],
    [
      "410",
      "9501101020910",
      "The barcode's ship-to GLN 9501101020910 has a wrong check digit: the last digit should be 7.",
    ],
    ["01", "0950600013435", "The barcode's GTIN (01) must have 14 digits; it has 13."],
    ["01", "095060001343521", "The barcode's GTIN (01) must have 14 digits; it has 15."],
    ["01", "0950600013435X", "The barcode's GTIN (01) may only contain digits, not “X”."],
    ["01", "", "The barcode's GTIN (01) is empty."],
    ["10", "", "The barcode's lot code (10) is empty."],
    [
      "10",
      "L".repeat(21),
      "The barcode's lot code (10) may have at most 20 characters; it has 21.",
    ],
    [
      "10",
      "LOT 7",
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “ ”.`,
    ],
    [
      "10",
      "LOT#7",
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “#”.`,
    ],
    [
      "10",
      "LÖT",
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “Ö”.`,
    ],
    [
      "10",
      "A\u001dB",
      `The barcode's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not U+001D.`,
    ],
    [
      "21",
      "S".repeat(21),
      "The barcode's serial number (21) may have at most 20 characters; it has 21.",
    ],
    [
      "17",
      "261301",
      "The barcode's expiry date (17) 261301 is not a valid date (YYMMDD): there is no month 13.",
    ],
    [
      "17",
      "260001",
      "The barcode's expiry date (17) 260001 is not a valid date (YYMMDD): there is no month 00.",
    ],
    [
      "17",
      "260431",
      "The barcode's expiry date (17) 260431 is not a valid date (YYMMDD): month 04 has no day 31.",
    ],
    [
      "15",
      "250229",
      "The barcode's best-before date (15) 250229 is not a valid date (YYMMDD): month 02 has no day 29.",
    ],
    ["11", "26013", "The barcode's production date (11) must have 6 digits; it has 5."],
    [
      "7006",
      "260100",
      "The barcode's first freeze date (7006) 260100 is not a valid date (YYMMDD): there is no day 00.",
    ],
    ["7007", "26010126", "The barcode's harvest date (7007) must have 6 or 12 digits; it has 8."],
    [
      "7007",
      "260101261332",
      "The barcode's harvest date (7007) 260101261332 is not a valid date (YYMMDD): there is no month 13.",
    ],
    [
      "7003",
      "2612312460",
      "The barcode's expiry date and time (7003) 2612312460 is not a valid time (HHMI): there is no 24:60.",
    ],
    ["3103", "19500", "The barcode's net weight in kg (3103) must have 6 digits; it has 5."],
    ["30", "123456789", "The barcode's variable count (30) may have at most 8 digits; it has 9."],
    ["422", "27", "The barcode's country of origin (422) must have 3 digits; it has 2."],
    [
      "8010",
      "part1",
      "The barcode's component/part ID (8010) may only contain capital letters, digits and # - /, not “p”.",
    ],
    [
      "8011",
      "0123",
      "The barcode's component/part serial number (8011) 0123 must not start with 0.",
    ],
    [
      "8200",
      "U".repeat(71),
      "The barcode's product URL (8200) may have at most 70 characters; it has 71.",
    ],
    ["89", "ABC", "This barcode contains AI (89), which is not a GS1 Application Identifier."],
    [
      "8004",
      "ABC",
      "The barcode's GIAI (8004) ABC does not start with a GS1 company prefix (at least 4 digits).",
    ],
    ["lot", "ABC", "“lot” is not a GS1 Application Identifier: an AI has 2 to 4 digits."],
  ])("rejects (%s) %j", (ai, value, message) => {
    expect(rejectionOf(() => validateAiValue(ai, value, "barcode"))).toBe(message);
  });

  it("names the Digital Link when the value came from one", () => {
    expect(rejectionOf(() => validateAiValue("01", "09506000134353", "Digital Link"))).toBe(
      "The Digital Link's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    );
  });
});

describe("toAiEntries", () => {
  it("takes a Map, a list of pairs or a plain object", () => {
    const expected = [
      ["01", "09506000134352"],
      ["10", "ABC"],
    ];
    expect(toAiEntries(new Map(expected as [string, string][]), "barcode")).toEqual(expected);
    expect(toAiEntries(expected as [string, string][], "barcode")).toEqual(expected);
    expect(toAiEntries({ "01": "09506000134352", "10": "ABC" }, "barcode")).toHaveLength(2);
  });

  it("rejects a list that repeats an AI", () => {
    const pairs: [string, string][] = [
      ["10", "A"],
      ["10", "B"],
    ];
    expect(rejectionOf(() => toAiEntries(pairs, "Digital Link"))).toBe(
      "AI (10) appears twice in this Digital Link.",
    );
  });
});

describe("checkAiAssociations", () => {
  const check = (ais: Record<string, string>) => () =>
    checkAiAssociations(new Map(Object.entries(ais)), "barcode");

  it.each<Record<string, string>>([
    { "01": "09506000134352", "10": "ABC", "21": "1", "17": "261231" },
    { "02": "09506000134352", "37": "12", "00": "106141411234567897", "10": "ABC" },
    { "00": "106141411234567897" },
    { "00": "106141411234567897", "3300": "001000" },
    { "414": "9520123456788", "254": "A1" },
    { "01": "09506000134352", "21": "1", "250": "X" },
    { "410": "9501101020917", "400": "PO1" },
    { "8006": "095060001343520102", "21": "S1", "10": "L1" },
    { "01": "09506000134352", "3103": "000195", "3922": "299" },
    { "00": "106141411234567897", "4330": "032000-", "4333": "001000" },
    { "01": "09506000134352", "21": "S1", "8030": "abc-_XYZ09" },
  ])("accepts %j", (ais) => {
    expect(check(ais)).not.toThrow();
  });

  it.each([
    [
      { "10": "ABC" },
      "The barcode's lot code (10) is only valid together with AI (01), AI (02), AI (03), AI (8006) or AI (8026).",
    ],
    [
      { "00": "106141411234567897", "21": "1" },
      "The barcode's serial number (21) is only valid together with AI (01), AI (03) or AI (8006).",
    ],
    [
      { "02": "09506000134352", "37": "1" },
      "The barcode's count of trade items (37) is only valid together with AI (00).",
    ],
    [
      { "00": "106141411234567897", "02": "09506000134352" },
      "The barcode's GTIN of the contained items (02) is only valid together with AI (37).",
    ],
    [
      { "01": "09506000134352", "02": "09506000134352" },
      "AI (01) and AI (02) can't be in the same barcode.",
    ],
    [{ "01": "09506000134352", "37": "1" }, "AI (01) and AI (37) can't be in the same barcode."],
    [
      { "01": "09506000134352", "3102": "000100", "3103": "000010" },
      "AI (3102) and AI (3103) can't be in the same barcode: both give the net weight in kg.",
    ],
    [
      { "01": "09506000134352", "250": "X" },
      "The barcode's secondary serial number (250) is only valid together with AI (21).",
    ],
    [{ "254": "A1" }, "The barcode's GLN extension (254) is only valid together with AI (414)."],
    [
      { "01": "09506000134352", "3922": "299" },
      "The barcode's PRICE (3922) is only valid together with AI (30), an AI (31nn), an AI (32nn), an AI (35nn) or an AI (36nn).",
    ],
    [
      { "00": "106141411234567897", "4330": "032000", "4331": "001000" },
      "AI (4330) and AI (4331) can't be in the same barcode.",
    ],
    [
      { "01": "09506000134352", "8030": "abc" },
      "The barcode's DIGSIG (8030) is only valid together with AI (00), AI (01) and AI (21), AI (253), AI (255), AI (8003), AI (8004), AI (8006) and AI (21), AI (8010) and AI (8011), AI (8017) or AI (8018).",
    ],
    [
      { "01": "09506000134352", "21": "S1", "235": "T1" },
      "AI (21) and AI (235) can't be in the same barcode.",
    ],
    [
      { "8200": "https://example.com" },
      "The barcode's product URL (8200) is only valid together with AI (01).",
    ],
  ])("rejects %j", (ais, message) => {
    expect(rejectionOf(check(ais))).toBe(message);
  });
});

describe("describeCharacter", () => {
  it("quotes printable characters and names control characters", () => {
    expect(describeCharacter("#")).toBe("“#”");
    expect(describeCharacter("\u001d")).toBe("U+001D");
    expect(describeCharacter("\n")).toBe("U+000A");
  });
});
