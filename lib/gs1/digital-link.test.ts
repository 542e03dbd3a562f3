import { describe, expect, it } from "vitest";
import { buildDigitalLink } from "./digital-link";
import { parseDigitalLink } from "./parse-digital-link";
import { rejectionOf } from "./testing";
import { decodeAiValue, encodeAiValue } from "./uri-component";

const GS1 = "https://id.gs1.org";

describe("buildDigitalLink", () => {
  it.each([
    // The GS1 Digital Link standard's examples
    [{ "01": "09520123456788" }, `${GS1}/01/09520123456788`],
    [{ "01": "09520123456788", "22": "2A" }, `${GS1}/01/09520123456788/22/2A`],
    [{ "01": "09520123456788", "10": "ABC123" }, `${GS1}/01/09520123456788/10/ABC123`],
    [{ "01": "09520123456788", "21": "12345" }, `${GS1}/01/09520123456788/21/12345`],
    [
      { "01": "09520123456788", "10": "ABC1", "21": "12345", "17": "180426" },
      `${GS1}/01/09520123456788/10/ABC1/21/12345?17=180426`,
    ],
    [{ "01": "09520123456788", "3103": "000195" }, `${GS1}/01/09520123456788?3103=000195`],
    [{ "00": "952012345678912345" }, `${GS1}/00/952012345678912345`],
    [
      { "00": "952012345678912345", "02": "09520123456788", "37": "25", "10": "ABC123" },
      `${GS1}/00/952012345678912345?02=09520123456788&10=ABC123&37=25`,
    ],
    [{ "414": "9520123456788" }, `${GS1}/414/9520123456788`],
    [{ "414": "9520123456788", "254": "32a/b" }, `${GS1}/414/9520123456788/254/32a%2Fb`],
    // All three qualifiers, whatever order they are given in
    [
      { "21": "S1", "10": "L1", "22": "V1", "01": "09506000134352" },
      `${GS1}/01/09506000134352/22/V1/10/L1/21/S1`,
    ],
    // GTIN-13, -12 and -8 are padded to 14 digits
    [{ "01": "9520123456788" }, `${GS1}/01/09520123456788`],
    [{ "01": "036000291452" }, `${GS1}/01/00036000291452`],
    [{ "01": "96385074" }, `${GS1}/01/00000096385074`],
    // Values are percent-encoded; unreserved characters stay
    [{ "01": "09506000134352", "10": "AB(1)/2" }, `${GS1}/01/09506000134352/10/AB%281%29%2F2`],
    [{ "01": "09506000134352", "21": "a-b.c_d" }, `${GS1}/01/09506000134352/21/a-b.c_d`],
    [
      { "01": "09506000134352", "10": `!"%&'*+,:;<=>?` },
      `${GS1}/01/09506000134352/10/%21%22%25%26%27%2A%2B%2C%3A%3B%3C%3D%3E%3F`,
    ],
    // Predefined-length attributes first, then the others
    [
      { "01": "09506000134352", "400": "PO1", "17": "261231", "3103": "000195", "30": "12" },
      `${GS1}/01/09506000134352?17=261231&3103=000195&30=12&400=PO1`,
    ],
  ])("%j → %s", (ais, uri) => {
    expect(buildDigitalLink({ stem: GS1, ais })).toBe(uri);
  });

  it("keeps the stem's path prefix and drops a trailing slash", () => {
    const ais = { "01": "09506000134352", "10": "L1" };
    expect(buildDigitalLink({ stem: "https://example.com/products/", ais })).toBe(
      "https://example.com/products/01/09506000134352/10/L1",
    );
    expect(buildDigitalLink({ stem: "http://localhost:3000", ais })).toBe(
      "http://localhost:3000/01/09506000134352/10/L1",
    );
  });

  it("takes the primary key the caller names when the data has two", () => {
    const ais = { "00": "106141411234567897", "01": "09506000134352" };
    expect(buildDigitalLink({ stem: GS1, ais })).toBe(
      `${GS1}/01/09506000134352?00=106141411234567897`,
    );
    expect(buildDigitalLink({ stem: GS1, ais, primaryKey: "00" })).toBe(
      `${GS1}/00/106141411234567897?01=09506000134352`,
    );
  });

  it.each([
    [
      { stem: "ftp://x.example", ais: { "01": "09506000134352" } },
      "The Digital Link's start “ftp://x.example” must be https:// and a host name, optionally followed by a path, without a query string.",
    ],
    [
      { stem: "HTTPS://X.example", ais: { "01": "09506000134352" } },
      "The Digital Link's start “HTTPS://X.example” must be https:// and a host name, optionally followed by a path, without a query string.",
    ],
    [
      { stem: "https://x.example?a=1", ais: { "01": "09506000134352" } },
      "The Digital Link's start “https://x.example?a=1” must be https:// and a host name, optionally followed by a path, without a query string.",
    ],
    [
      { stem: GS1, ais: { "10": "L1" } },
      "A Digital Link needs a primary key: a GTIN (01), an SSCC (00), a GLN (414) or another GS1 key.",
    ],
    [
      { stem: GS1, ais: { "10": "L1" }, primaryKey: "01" as const },
      "The Digital Link's primary key (01) is missing from its data.",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134353" } },
      "The Digital Link's GTIN 09506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      { stem: GS1, ais: { "01": "9506000134353" } },
      "The Digital Link's GTIN 9506000134353 has a wrong check digit: the last digit should be 2.",
    ],
    [
      { stem: GS1, ais: { "01": "0950600013435" + "22" } },
      "The Digital Link's GTIN (01) must have 14 digits; it has 15.",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "10": "LOT 1" } },
      `The Digital Link's lot code (10) may only contain letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _, not “ ”.`,
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "21": "" } },
      "The Digital Link's serial number (21) is empty.",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "8200": "https://x.example" } },
      "AI (8200) can't be carried in a Digital Link whose primary key is (01).",
    ],
    [
      { stem: GS1, ais: { "00": "106141411234567897", "21": "S1" } },
      "AI (21) can't be carried in a Digital Link whose primary key is (00).",
    ],
    [
      { stem: GS1, ais: { "00": "106141411234567897", "10": "L1" } },
      "The Digital Link's lot code (10) is only valid together with AI (01), AI (02), AI (03), AI (8006) or AI (8026).",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "17": "261331" } },
      "The Digital Link's expiry date (17) 261331 is not a valid date (YYMMDD): there is no month 13.",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "99999": "x" } },
      "“99999” is not a GS1 Application Identifier: an AI has 2 to 4 digits.",
    ],
    [
      { stem: GS1, ais: { "01": "09506000134352", "89": "x" } },
      "This Digital Link contains AI (89), which is not a GS1 Application Identifier.",
    ],
    [
      {
        stem: GS1,
        ais: [
          ["01", "09506000134352"],
          ["10", "A"],
          ["10", "B"],
        ] as [string, string][],
      },
      "AI (10) appears twice in this Digital Link.",
    ],
  ])("rejects %j", (options, message) => {
    expect(rejectionOf(() => buildDigitalLink(options))).toBe(message);
  });

  it.each<Record<string, string>>([
    { "01": "09506000134352", "10": "AB(1)/2%", "21": "a!*'" },
    {
      "01": "09506000134352",
      "22": "V-1",
      "10": "L.1",
      "21": "S_1",
      "17": "261200",
      "3103": "000195",
    },
    {
      "00": "106141411234567897",
      "02": "09506000134352",
      "37": "12",
      "10": "L/1",
      "400": "PO&1=2",
    },
    { "414": "9520123456788", "254": "A?B=C" },
    { "8010": "9520PART#-/9", "8011": "42" },
  ])("round-trips %j through parseDigitalLink", (ais) => {
    const uri = buildDigitalLink({ stem: "https://id.lotledger.example/r", ais });
    const parsed = parseDigitalLink(uri);
    expect(parsed.stem).toBe("https://id.lotledger.example/r");
    expect(Object.fromEntries(parsed.ais)).toEqual(ais);
  });
});

describe("AI value percent-encoding", () => {
  it.each([
    ["ABC123", "ABC123"],
    ["a-b.c_d~e", "a-b.c_d~e"],
    ["A/B", "A%2FB"],
    ["(1)", "%281%29"],
    ["50%", "50%25"],
    ["a&b=c", "a%26b%3Dc"],
    ["x+y", "x%2By"],
    ['"<>', "%22%3C%3E"],
  ])("encodes %j as %s and decodes it back", (value, encoded) => {
    expect(encodeAiValue(value)).toBe(encoded);
    expect(decodeAiValue(encoded, "10", false)).toBe(value);
    expect(decodeAiValue(encoded, "10", true)).toBe(value);
  });

  it("reads lower-case hex and, in the query string only, + as a space", () => {
    expect(decodeAiValue("ABC%2d123", "22", false)).toBe("ABC-123");
    expect(decodeAiValue("ABC+123", "22", false)).toBe("ABC+123");
    expect(decodeAiValue("XYZ+987", "99", true)).toBe("XYZ 987");
  });

  it.each([
    [
      "AB%",
      "The Digital Link's lot code (10) has a “%” that is not followed by two hexadecimal digits; a “%” in a value is written %25.",
    ],
    [
      "AB%4G",
      "The Digital Link's lot code (10) has a “%” that is not followed by two hexadecimal digits; a “%” in a value is written %25.",
    ],
    [
      "%C3",
      "The Digital Link's lot code (10) has percent-encoded bytes that are not valid UTF-8 text.",
    ],
  ])("rejects %j", (raw, message) => {
    expect(rejectionOf(() => decodeAiValue(raw, "10", false))).toBe(message);
  });
});
