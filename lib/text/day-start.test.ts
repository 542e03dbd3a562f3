import { describe, expect, it } from "vitest";
import { dayStartIn, isCalendarDay, nextDay } from "./day-start";

describe("dayStartIn", () => {
  it("begins a day at midnight on the place's clock, on days the clocks change too", () => {
    expect(dayStartIn("America/Los_Angeles", "2026-11-20").toISOString()).toBe(
      "2026-11-20T08:00:00.000Z",
    );
    expect(dayStartIn("America/Los_Angeles", "2026-07-01").toISOString()).toBe(
      "2026-07-01T07:00:00.000Z",
    );
    // 1 November 2026: Los Angeles falls back at 02:00, so the day starts on summer time.
    expect(dayStartIn("America/Los_Angeles", "2026-11-01").toISOString()).toBe(
      "2026-11-01T07:00:00.000Z",
    );
    expect(dayStartIn("Asia/Kolkata", "2026-11-20").toISOString()).toBe("2026-11-19T18:30:00.000Z");
    expect(dayStartIn(null, "2026-11-20").toISOString()).toBe("2026-11-20T00:00:00.000Z");
    expect(dayStartIn("Not/AZone", "2026-11-20").toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });

  it("knows real days and the day after", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-31")).toBe(false);
    expect(isCalendarDay("20261101")).toBe(false);
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
  });
});
