import { describe, expect, it } from "vitest";
import { relativeText } from "./since-text";

describe("relativeText", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

  it("says how long ago in the largest unit that reads naturally", () => {
    expect(relativeText(ago(20), now)).toBe("20 sec ago");
    expect(relativeText(ago(5 * 60), now)).toBe("5 min ago");
    expect(relativeText(ago(3 * 3600), now)).toBe("3 hr ago");
    expect(relativeText(ago(26 * 3600), now)).toBe("yesterday");
    expect(relativeText(ago(40 * 86400), now)).toBe("last month");
  });
});
