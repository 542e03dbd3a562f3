import { describe, expect, it } from "vitest";
import { parseLotCode } from "./lot-code";

describe("parseLotCode", () => {
  it("accepts GS1 character set 82 up to 20 characters, trimmed", () => {
    expect(parseLotCode(" ABC-123/2026 ")).toBe("ABC-123/2026");
    expect(parseLotCode("A".repeat(20))).toBe("A".repeat(20));
    expect(parseLotCode(`x!"%&'()*+,-./:;<=>?_`.slice(0, 20))).toHaveLength(20);
  });

  it.each([
    ["", "Enter a lot code, the batch number after (10) on the label."],
    ["   ", "Enter a lot code, the batch number after (10) on the label."],
    ["A".repeat(21), "A lot code has at most 20 characters; this one has 21."],
    [
      "LOT#7",
      `A lot code may use letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ only; remove “#”.`,
    ],
    [
      "LOT 7",
      `A lot code may use letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ only; remove “ ”.`,
    ],
    [
      "LÖT7",
      `A lot code may use letters, digits and ! " % & ' ( ) * + , - . / : ; < = > ? _ only; remove “Ö”.`,
    ],
  ])("rejects %j with the message a user sees", (input, message) => {
    expect(() => parseLotCode(input)).toThrowError(message);
  });
});
