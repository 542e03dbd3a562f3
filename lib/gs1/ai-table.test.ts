import { describe, expect, it } from "vitest";
import {
  aiLengthByPrefix,
  DIGITAL_LINK_PRIMARY_KEYS,
  getAiDefinition,
  listAiDefinitions,
} from "./ai-table";

// Counts and spot checks against lib/gs1/syntax-dictionary/gs1-syntax-dictionary.txt.
describe("AI table generated from GS1's Syntax Dictionary", () => {
  it("has every AI of the dictionary, its ranges expanded (3100–3105, 91–99)", () => {
    const all = listAiDefinitions();
    expect(all).toHaveLength(536);
    expect(all.filter((definition) => definition.hasPredefinedLength)).toHaveLength(337);
    expect(new Set(all.map((definition) => definition.ai)).size).toBe(all.length);
    for (const ai of ["3100", "3105", "3695", "3909", "3943", "7039", "7259", "91", "99"]) {
      expect(getAiDefinition(ai), ai).toBeDefined();
    }
    for (const ai of ["3106", "3376", "3944", "89", "999", "abc", ""]) {
      expect(getAiDefinition(ai), ai).toBeUndefined();
    }
  });

  it.each([
    // ai, charset, min, max, check digit, FNC1 after it when not last
    ["00", "N", 18, 18, true, false],
    ["01", "N", 14, 14, true, false],
    ["10", "X", 1, 20, false, true],
    ["17", "N", 6, 6, false, false],
    ["235", "X", 1, 28, false, true],
    ["253", "mixed", 13, 30, true, true],
    ["3103", "N", 6, 6, false, false],
    ["3922", "N", 1, 15, false, true],
    ["4330", "mixed", 6, 7, false, true],
    ["7007", "N", 6, 12, false, true],
    ["7240", "X", 1, 20, false, true],
    ["8003", "mixed", 14, 30, true, true],
    ["8013", "X", 1, 25, true, true],
    ["8017", "N", 18, 18, true, true],
    ["8030", "Z", 1, 90, false, true],
  ])(
    "(%s) is %s, %i–%i long, check digit %s, FNC1 after it %s",
    (ai, charset, min, max, check, fnc1) => {
      expect(getAiDefinition(ai)).toMatchObject({
        ai,
        charset,
        minLength: min,
        maxLength: max,
        hasCheckDigit: check,
        hasPredefinedLength: !fnc1,
      });
    },
  );

  it("keeps each component with its linters, optional parts and titles", () => {
    expect(getAiDefinition("4330")?.components).toEqual([
      { charset: "N", minLength: 6, maxLength: 6, isOptional: false, linters: [] },
      { charset: "X", minLength: 1, maxLength: 1, isOptional: true, linters: ["hyphen"] },
    ]);
    expect(getAiDefinition("8003")?.components.map((c) => c.linters)).toEqual([
      ["zero"],
      ["csum", "key"],
      [],
    ]);
    expect(getAiDefinition("7240")?.title).toBe("PROTOCOL");
    expect(getAiDefinition("7030")?.title).toBe("PROCESSOR # 0");
  });

  it("keeps the pairings: each req= clause with its alternatives, and ex=", () => {
    expect(getAiDefinition("02")?.requires).toEqual([[["37"]]]);
    expect(getAiDefinition("21")?.requires).toEqual([[["01"], ["03"], ["8006"]]]);
    expect(getAiDefinition("21")?.excludes).toEqual(["235"]);
    expect(getAiDefinition("235")?.requires).toEqual([[["01"]]]);
    expect(getAiDefinition("3922")?.requires).toEqual([
      [["01"]],
      [["30"], ["31nn"], ["32nn"], ["35nn"], ["36nn"]],
    ]);
    expect(getAiDefinition("3922")?.excludes).toEqual(["392n", "393n"]);
    expect(getAiDefinition("4330")?.requires).toEqual([[["00"]]]);
    expect(getAiDefinition("4330")?.excludes).toEqual(["4331"]);
    expect(getAiDefinition("7240")?.requires).toEqual([[["01"], ["8006"]]]);
    expect(getAiDefinition("8017")?.excludes).toEqual(["8018"]);
    expect(getAiDefinition("8030")?.requires[0]).toContainEqual(["01", "21"]);
  });

  it.each([
    ["01", true],
    ["10", true],
    ["3103", true],
    ["4330", true],
    ["21", false],
    ["22", false],
    ["235", false],
    ["254", false],
    ["8011", false],
    ["8200", false],
  ])("(%s) may be a Digital Link query-string attribute: %s", (ai, isAttribute) => {
    expect(getAiDefinition(ai)?.isDigitalLinkAttribute).toBe(isAttribute);
  });

  it("has every GS1 Digital Link primary key with its qualifier sequences", () => {
    expect(Object.fromEntries(DIGITAL_LINK_PRIMARY_KEYS)).toEqual({
      "00": [[]],
      "01": [["22", "10", "21"], ["235"]],
      "253": [[]],
      "255": [[]],
      "401": [[]],
      "402": [[]],
      "414": [["254"], ["7040"]],
      "415": [["8020"]],
      "417": [["7040"]],
      "8003": [[]],
      "8004": [["7040"]],
      "8006": [["22", "10", "21"]],
      "8010": [["8011"]],
      "8013": [[]],
      "8017": [["8019"]],
      "8018": [["8019"]],
    });
  });

  it.each([
    ["00", 2],
    ["10", 2],
    ["23", 3],
    ["31", 4],
    ["39", 4],
    ["41", 3],
    ["43", 4],
    ["70", 4],
    ["71", 3],
    ["72", 4],
    ["80", 4],
    ["82", 4],
    ["99", 2],
    ["89", 2],
  ])("AIs starting %s have %i digits", (prefix, length) => {
    expect(aiLengthByPrefix(prefix)).toBe(length);
  });
});
