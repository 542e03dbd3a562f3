import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KNOWN_LINTERS } from "@/lib/gs1/linters";
import { DICTIONARY_FILE, GENERATED_FILE, renderAiDictionary } from "./generate-ai-dictionary";
import { parseSyntaxDictionary } from "./parse-syntax-dictionary";

describe("npm run generate:gs1", () => {
  it("the committed lib/gs1/generated/ai-dictionary.ts is the dictionary's, regenerated", () => {
    const expected = renderAiDictionary(readFileSync(DICTIONARY_FILE, "utf8"));
    expect(readFileSync(GENERATED_FILE, "utf8")).toBe(expected);
  });

  it("reads flags, components, pairings and Digital Link keys of an entry", () => {
    const [entry] = parseSyntaxDictionary(
      "8003        ?  N1,zero N13,csum,key [X..16]     dlpkey  req=01+21,02 ex=310n # GRAI\n",
      KNOWN_LINTERS,
    );
    expect(entry).toEqual({
      first: "8003",
      last: "8003",
      title: "GRAI",
      hasPredefinedLength: false,
      isDigitalLinkAttribute: true,
      components: [
        { charset: "N", minLength: 1, maxLength: 1, isOptional: false, linters: ["zero"] },
        { charset: "N", minLength: 13, maxLength: 13, isOptional: false, linters: ["csum", "key"] },
        { charset: "X", minLength: 1, maxLength: 16, isOptional: true, linters: [] },
      ],
      requires: [[["01", "21"], ["02"]]],
      excludes: ["310n"],
      digitalLinkQualifiers: [[]],
    });
  });

  it.each([
    ["99  X..90,newlinter  # NEW", "linter “newlinter” is not implemented in lib/gs1/linters"],
    ["99  !  X..90  # NEW", "unknown flag “!”"],
    ["99  X..90  dlattr=yes  # NEW", "unknown attribute “dlattr=yes”"],
    ["99  N..3 N2  # NEW", "a variable-length component before the last one"],
    ["99  [N2] N2  # NEW", "a mandatory component after an optional one"],
  ])("stops on what a new release adds and LotLedger does not know: %s", (line, problem) => {
    expect(() => parseSyntaxDictionary(`# header\n${line}\n`, KNOWN_LINTERS)).toThrow(
      `gs1-syntax-dictionary.txt line 2: ${problem}: ${line}`,
    );
  });
});
