import { describe, expect, it } from "vitest";
import { DIGITAL_LINK_PRIMARY_KEYS } from "./ai-table";
import { buildDigitalLink } from "./digital-link";
import {
  formatElementString,
  formatHumanReadable,
  parseBracketedElementString,
  parseElementString,
} from "./element-string";
import { parseDigitalLink } from "./parse-digital-link";
import { parseScanData } from "./scan-data";
import { rejectionOf } from "./testing";

// Every GS1 primary key of the Syntax Dictionary, with its key qualifiers, read from a Digital
// Link path and from element strings (GS1-128 / DataMatrix data and the bracketed form).
const KEYS: [string, [string, string][]][] = [
  ["00", [["00", "106141411234567897"]]],
  [
    "01",
    [
      ["01", "09506000134352"],
      ["22", "V1"],
      ["10", "L1"],
      ["21", "S1"],
    ],
  ],
  [
    "01",
    [
      ["01", "09506000134352"],
      ["235", "TPX-1"],
    ],
  ],
  ["253", [["253", "9520123456788DOC-1"]]],
  ["255", [["255", "9520123456788123"]]],
  ["401", [["401", "9520123ABC"]]],
  ["402", [["402", "95201234567890122"]]],
  [
    "414",
    [
      ["414", "9520123456788"],
      ["254", "A1"],
    ],
  ],
  [
    "414",
    [
      ["414", "9520123456788"],
      ["7040", "1ABC"],
    ],
  ],
  [
    "415",
    [
      ["415", "9520123456788"],
      ["8020", "INV-42"],
    ],
  ],
  [
    "417",
    [
      ["417", "9520123456788"],
      ["7040", "1ABC"],
    ],
  ],
  ["8003", [["8003", "09520123456788X1"]]],
  [
    "8004",
    [
      ["8004", "9520123ASSET-1"],
      ["7040", "1ABC"],
    ],
  ],
  [
    "8006",
    [
      ["8006", "095060001343520102"],
      ["10", "L1"],
      ["21", "S1"],
    ],
  ],
  [
    "8010",
    [
      ["8010", "9520PART#-/9"],
      ["8011", "42"],
    ],
  ],
  ["8013", [["8013", "1987654Ad4X4bL5ttr2310c2K"]]],
  [
    "8017",
    [
      ["8017", "952012345678901233"],
      ["8019", "12"],
    ],
  ],
  [
    "8018",
    [
      ["8018", "952012345678901240"],
      ["8019", "12"],
    ],
  ],
];

describe("every GS1 primary key with its qualifiers", () => {
  it("covers every primary key of the dictionary", () => {
    expect(new Set(KEYS.map(([key]) => key))).toEqual(new Set(DIGITAL_LINK_PRIMARY_KEYS.keys()));
  });

  it.each(KEYS)("(%s) from a Digital Link path: %j", (_key, ais) => {
    const path = ais.map(([ai, value]) => `/${ai}/${encodeURIComponent(value)}`).join("");
    const parsed = parseDigitalLink(`https://id.example.com${path}`);
    expect([...parsed.ais]).toEqual(ais);
    expect(buildDigitalLink({ stem: "https://id.example.com", ais })).toBe(
      `https://id.example.com${path.replaceAll("#", "%23")}`,
    );
  });

  it.each(KEYS)("(%s) from element strings: %j", (_key, ais) => {
    const data = formatElementString(ais);
    expect(Object.fromEntries(parseElementString(data))).toEqual(Object.fromEntries(ais));
    expect(Object.fromEntries(parseScanData(`]d2${data}`).ais)).toEqual(Object.fromEntries(ais));
    const bracketed = formatHumanReadable(ais);
    expect(Object.fromEntries(parseBracketedElementString(bracketed))).toEqual(
      Object.fromEntries(ais),
    );
  });
});

describe("Digital Link strictness and qualifiers", () => {
  it.each([
    [
      "HTTPS://id.gs1.org/01/09506000134352",
      "A Digital Link's scheme is written in lower case: https://, not HTTPS://.",
    ],
    [
      "Http://id.gs1.org/01/09506000134352",
      "A Digital Link's scheme is written in lower case: http://, not Http://.",
    ],
    [
      "https://id.gs1.org/01/9506000134352",
      "A GTIN in a Digital Link has 14 digits: write 9506000134352 as 09506000134352.",
    ],
    [
      "https://id.gs1.org/01/036000291452",
      "A GTIN in a Digital Link has 14 digits: write 036000291452 as 00036000291452.",
    ],
    [
      "https://id.gs1.org/01/96385074",
      "A GTIN in a Digital Link has 14 digits: write 96385074 as 00000096385074.",
    ],
    [
      "https://id.gs1.org/00/106141411234567897?01=9506000134352",
      "A GTIN in a Digital Link has 14 digits: write 9506000134352 as 09506000134352.",
    ],
    [
      "https://id.gs1.org/01/09506000134352/10/L1/235/T1",
      "AI (235) and AI (10) can't both follow (01) in a Digital Link's path: they are alternatives.",
    ],
    [
      "https://id.gs1.org/414/9520123456788/7040/1ABC/254/A1",
      "AI (254) and AI (7040) can't both follow (414) in a Digital Link's path: they are alternatives.",
    ],
    [
      "https://id.gs1.org/8017/952012345678901233/254/A1",
      "AI (254) can't follow (8017) in a Digital Link's path.",
    ],
    [
      "https://id.gs1.org/8018/952012345678901240?8019=12",
      "AI (8019) belongs in the Digital Link's path (…/8019/{value}), not in its query string.",
    ],
    [
      "https://id.gs1.org/8017/952012345678901233?8018=952012345678901240",
      "AI (8017) and AI (8018) can't be in the same Digital Link.",
    ],
    [
      "https://id.gs1.org/8006/095060001343520102/22/V1",
      "The Digital Link's consumer product variant (22) is only valid together with AI (01).",
    ],
    [
      "https://id.gs1.org/8006/095060001343520302",
      "The Digital Link's ITIP (8006) 095060001343520302 is not valid: piece 03 of 02 does not exist.",
    ],
    [
      "https://id.gs1.org/415/9520123456788",
      "The Digital Link's invoicing party GLN (415) is only valid together with AI (8020).",
    ],
  ])("refuses %s", (uri, message) => {
    expect(rejectionOf(() => parseDigitalLink(uri))).toBe(message);
  });

  it("reads query-string attributes the dictionary allows, new AIs included", () => {
    const uri =
      "https://id.gs1.org/00/106141411234567897?4330=032000-&4321=1&7240=P1&3922=123&01=09506000134352&30=2";
    expect(Object.fromEntries(parseDigitalLink(uri).ais)).toMatchObject({
      "4330": "032000-",
      "4321": "1",
      "7240": "P1",
      "3922": "123",
    });
  });
});
