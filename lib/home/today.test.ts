import { describe, expect, it } from "vitest";
import { startOfDayIn } from "./today";

describe("startOfDayIn", () => {
  it("finds midnight at the place, not in UTC", () => {
    // 07:30 UTC on 2 December is 23:30 on 1 December in California (PST, UTC−8).
    const now = new Date("2026-12-02T07:30:00Z");
    expect(startOfDayIn("America/Los_Angeles", now).toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(startOfDayIn("UTC", now).toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(startOfDayIn("Asia/Kolkata", now).toISOString()).toBe("2026-12-01T18:30:00.000Z");
  });

  it("keeps the day's own offset on a change of clocks", () => {
    // 8 March 2026: California springs forward at 2:00; midnight was still PST (UTC−8).
    const now = new Date("2026-03-08T20:00:00Z");
    expect(startOfDayIn("America/Los_Angeles", now).toISOString()).toBe("2026-03-08T08:00:00.000Z");
  });
});
