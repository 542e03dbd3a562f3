import { describe, expect, it } from "vitest";
import { wallClockToDate } from "./wall-clock";

describe("a wall-clock time typed in a form, on the organisation's clock", () => {
  it("is the moment it names in the zone, in winter and in summer", () => {
    expect(wallClockToDate("2026-12-03T14:30", "Europe/Amsterdam")?.toISOString()).toBe(
      "2026-12-03T13:30:00.000Z",
    );
    expect(wallClockToDate("2026-07-03T14:30", "America/Los_Angeles")?.toISOString()).toBe(
      "2026-07-03T21:30:00.000Z",
    );
  });

  it("lands after a daylight-saving change when typed after it", () => {
    // Europe moves its clocks from 02:00 to 03:00 on 29 March 2026.
    expect(wallClockToDate("2026-03-29T03:30", "Europe/Berlin")?.toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("reads as UTC without a zone or with one that does not exist", () => {
    expect(wallClockToDate("2026-12-03T14:30", null)?.toISOString()).toBe(
      "2026-12-03T14:30:00.000Z",
    );
    expect(wallClockToDate("2026-12-03T14:30", "Mars/Olympus")?.toISOString()).toBe(
      "2026-12-03T14:30:00.000Z",
    );
  });

  it("is null for what is not a time of the calendar", () => {
    expect(wallClockToDate("2026-02-30T10:00", "UTC")).toBeNull();
    expect(wallClockToDate("tomorrow", "UTC")).toBeNull();
  });
});
