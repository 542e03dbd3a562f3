import { describe, expect, it } from "vitest";
import {
  aiLengthByPrefix,
  DIGITAL_LINK_KEY_QUALIFIERS,
  findAiAtStart,
  getAiDefinition,
  listAiDefinitions,
  PREDEFINED_LENGTHS,
} from "./ai-table";

describe("AI table", () => {
  it.each([
    // ai, charset, min, max, check digit, FNC1 after it when not last
    ["00", "N", 18, 18, true, false],
    ["01", "N", 14, 14, true, false],
    ["02", "N", 14, 14, true, false],
    ["10", "X", 1, 20, false, true],
    ["11", "N", 6, 6, false, false],
    ["13", "N", 6, 6, false, false],
    ["15", "N", 6, 6, false, false],
    ["17", "N", 6, 6, false, false],
    ["21", "X", 1, 20, false, true],
    ["22", "X", 1, 20, false, true],
    ["30", "N", 1, 8, false, true],
    ["37", "N", 1, 8, false, true],
    ["3100", "N", 6, 6, false, false],
    ["3103", "N", 6, 6, false, false],
    ["3165", "N", 6, 6, false, false],
    ["3202", "N", 6, 6, false, false],
    ["400", "X", 1, 30, false, true],
    ["410", "N", 13, 13, true, false],
    ["411", "N", 13, 13, true, false],
    ["412", "N", 13, 13, true, false],
    ["413", "N", 13, 13, true, false],
    ["414", "N", 13, 13, true, false],
    // Fixed length but not in the predefined-length table: still needs an FNC1 after it.
    ["422", "N", 3, 3, false, true],
    ["7003", "N", 10, 10, false, true],
    ["7007", "N", 6, 12, false, true],
    ["8010", "Y", 1, 30, false, true],
    ["8200", "X", 1, 70, false, true],
    ["90", "X", 1, 30, false, true],
    ["99", "X", 1, 90, false, true],
  ])(
    "(%s) is %s, %i–%i long, check digit %s, FNC1 after it %s",
    (ai, charset, min, max, checkDigit, fnc1) => {
      const definition = getAiDefinition(ai);
      expect(definition).toMatchObject({
        ai,
        charset,
        minLength: min,
        maxLength: max,
        hasCheckDigit: checkDigit,
        hasPredefinedLength: !fnc1,
      });
    },
  );

  it("has the predefined-length table of the General Specifications", () => {
    expect(PREDEFINED_LENGTHS).toMatchObject({ "00": 20, "01": 16, "17": 8, "20": 4, "31": 10 });
    expect(PREDEFINED_LENGTHS["41"]).toBe(16);
    expect(PREDEFINED_LENGTHS["10"]).toBeUndefined();
    expect(PREDEFINED_LENGTHS["37"]).toBeUndefined();
  });

  it("agrees with the predefined-length table: AI + value = the table's total length", () => {
    for (const definition of listAiDefinitions()) {
      const total = PREDEFINED_LENGTHS[definition.ai.slice(0, 2)];
      if (total === undefined) continue;
      expect(definition.ai.length + definition.maxLength, definition.ai).toBe(total);
      expect(definition.minLength, definition.ai).toBe(definition.maxLength);
    }
  });

  it("does not know AIs outside LotLedger's set", () => {
    for (const ai of ["03", "12", "23", "3106", "3170", "8004", "89", "999", "abc", ""]) {
      expect(getAiDefinition(ai), ai).toBeUndefined();
    }
  });

  it.each([
    ["01", true],
    ["10", true],
    ["17", true],
    ["3103", true],
    ["400", true],
    ["21", false],
    ["22", false],
    ["254", false],
    ["8011", false],
    ["8200", false],
  ])("(%s) may be a Digital Link query-string attribute: %s", (ai, isAttribute) => {
    expect(getAiDefinition(ai)?.isDigitalLinkAttribute).toBe(isAttribute);
  });

  it("lists the Digital Link key qualifiers in the standard's order", () => {
    expect(DIGITAL_LINK_KEY_QUALIFIERS["01"]).toEqual(["22", "10", "21"]);
    expect(DIGITAL_LINK_KEY_QUALIFIERS["00"]).toEqual([]);
    expect(DIGITAL_LINK_KEY_QUALIFIERS["414"]).toEqual(["254"]);
    for (const [key, qualifiers] of Object.entries(DIGITAL_LINK_KEY_QUALIFIERS)) {
      for (const ai of [key, ...qualifiers]) expect(getAiDefinition(ai), ai).toBeDefined();
    }
  });

  it.each([
    ["00", 2],
    ["01", 2],
    ["10", 2],
    ["22", 2],
    ["23", 3],
    ["25", 3],
    ["30", 2],
    ["31", 4],
    ["36", 4],
    ["37", 2],
    ["39", 4],
    ["41", 3],
    ["43", 4],
    ["70", 4],
    ["71", 3],
    ["80", 4],
    ["90", 2],
    ["99", 2],
  ])("AIs starting %s have %i digits", (prefix, length) => {
    expect(aiLengthByPrefix(prefix)).toBe(length);
  });

  it.each([
    ["0109506000134352", "01"],
    ["10ABC", "10"],
    ["3103000195", "3103"],
    ["41095012345678", "410"],
    ["8200https://x", "8200"],
    ["91X", "91"],
  ])("finds the AI at the start of %s", (data, ai) => {
    expect(findAiAtStart(data)?.ai).toBe(ai);
  });

  it.each(["8004123", "3106000001", "89ABC", "X1", ""])("finds no known AI in %j", (data) => {
    expect(findAiAtStart(data)).toBeUndefined();
  });
});
