import { describe, expect, it } from "vitest";
import { lookalikeKey } from "./lookalike-key";

describe("lookalikeKey: lot codes a person may have misread share a key", () => {
  it("folds case, so a code typed in small letters meets the printed one", () => {
    expect(lookalikeKey("rh-2611-a")).toBe(lookalikeKey("RH-2611-A"));
  });

  it("reads O as 0, I and L (and a small l) as 1, S as 5 and B as 8", () => {
    expect(lookalikeKey("WTJOLY-P")).toBe(lookalikeKey("WTJ0LY-P"));
    expect(lookalikeKey("LOT-I2")).toBe(lookalikeKey("10T-12"));
    expect(lookalikeKey("l0t-12")).toBe(lookalikeKey("LOT-12"));
    expect(lookalikeKey("BS-2611")).toBe(lookalikeKey("85-2611"));
    expect(lookalikeKey(" rm-2611-b1 ")).toBe("RM-2611-81");
  });

  it("keeps every other character apart: distinct lots stay distinct", () => {
    expect(lookalikeKey("RM-2611-A")).not.toBe(lookalikeKey("RM-2611-B"));
    expect(lookalikeKey("Z2")).not.toBe(lookalikeKey("22"));
    expect(lookalikeKey("G6")).not.toBe(lookalikeKey("66"));
    expect(lookalikeKey("RM-2611")).not.toBe(lookalikeKey("RM 2611"));
  });
});
