import { describe, expect, it } from "vitest";
import { nextPartCodes, partRootOf } from "./part-lot-code";

describe("nextPartCodes", () => {
  it("numbers the first parts of a lot .P1 (shipped) and .P2 (remainder)", () => {
    expect(nextPartCodes("H-2026-001", [])).toEqual({
      shipped: "H-2026-001.P1",
      remainder: "H-2026-001.P2",
    });
  });

  it("counts on from the root's highest part, so a part of a part keeps one suffix", () => {
    const existing = ["H-2026-001.P1", "H-2026-001.P2", "H-2026-0011.P9", "OTHER.P7"];
    expect(nextPartCodes("H-2026-001.P2", existing)).toEqual({
      shipped: "H-2026-001.P3",
      remainder: "H-2026-001.P4",
    });
  });

  it("keeps a lot code that merely looks numbered, such as LOT-2026", () => {
    expect(partRootOf("LOT-2026")).toBe("LOT-2026");
    expect(nextPartCodes("LOT-2026", []).shipped).toBe("LOT-2026.P1");
  });

  it("refuses a root too long for a 20-character lot code, at the quantity field", () => {
    expect(() => nextPartCodes("ABCDEFGHIJKLMNOPQR", [])).toThrow(/too long to number its parts/);
  });
});
