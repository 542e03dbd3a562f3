import { describe, expect, it } from "vitest";
import { dayText, localDayText, localTimeText, utcTimeText } from "./local-time";

// 22:30 UTC on 24 November: 14:30 the same day in Salinas, 04:00 the next day in Mumbai.
const MOMENT = "2026-11-24T22:30:00.000Z";

describe("times on staff and public pages", () => {
  it("writes a moment on the clock of the place, the zone named", () => {
    expect(localTimeText(MOMENT, "America/Los_Angeles")).toBe("24 Nov 2026, 14:30 PST");
    expect(localTimeText("2026-07-01T19:05:00Z", "America/Los_Angeles")).toBe(
      "1 Jul 2026, 12:05 PDT",
    );
    expect(localTimeText(MOMENT, "Asia/Kolkata")).toBe("25 Nov 2026, 04:00 IST");
    expect(localTimeText(MOMENT, "Europe/Berlin")).toBe("24 Nov 2026, 23:30 CET");
    expect(localTimeText("2026-07-01T12:05:00Z", "Europe/Berlin")).toBe("1 Jul 2026, 14:05 CEST");
    expect(localTimeText(MOMENT, "Australia/Sydney")).toBe("25 Nov 2026, 09:30 AEDT");
  });

  it("writes the offset of a zone that has no abbreviation in English", () => {
    expect(localTimeText(MOMENT, "Asia/Tokyo")).toBe("25 Nov 2026, 07:30 GMT+9");
  });

  it("falls back to UTC, and says so, when the place's zone is unknown or not a zone", () => {
    expect(localTimeText(MOMENT, null)).toBe("24 Nov 2026, 22:30 UTC");
    expect(localTimeText(MOMENT, "Mars/Olympus_Mons")).toBe("24 Nov 2026, 22:30 UTC");
    expect(utcTimeText(MOMENT)).toBe("24 Nov 2026, 22:30 UTC");
    expect(utcTimeText(new Date(MOMENT))).toBe("24 Nov 2026, 22:30 UTC");
  });

  it("keeps a day someone entered as they entered it, and dates a moment by the place's clock", () => {
    expect(dayText("2026-11-24")).toBe("24 Nov 2026");
    expect(dayText("not a day")).toBe("not a day");
    expect(localDayText(MOMENT, "America/Los_Angeles")).toBe("24 Nov 2026");
    expect(localDayText(MOMENT, "Asia/Kolkata")).toBe("25 Nov 2026");
    expect(localDayText(MOMENT, null)).toBe("24 Nov 2026");
  });
});
