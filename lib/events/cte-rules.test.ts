import { describe, expect, it } from "vitest";
import { CTE_KINDS, isRecordedHere } from "./cte-rules";

describe("isRecordedHere", () => {
  it("knows the events recorded on their own form", () => {
    for (const cte of Object.keys(CTE_KINDS)) expect(isRecordedHere(cte)).toBe(true);
    expect(isRecordedHere("shipping")).toBe(false);
  });

  it("takes no name from Object.prototype for an event", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(isRecordedHere(name)).toBe(false);
    }
  });
});
