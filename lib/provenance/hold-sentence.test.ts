import { describe, expect, it } from "vitest";
import { excursionText } from "./hold-sentence";

const RANGE = { minCelsius: 0, maxCelsius: 5 };
/** The sentence with its non-breaking spaces shown as plain ones, to read the test. */
const text = (hold: Parameters<typeof excursionText>[0]) =>
  excursionText(hold).replaceAll("\u00a0", " ");

describe("why the storage rule held a lot, in words", () => {
  it("says the side of the range it left and how far it went", () => {
    expect(text({ excursionMinutes: 47, minCelsius: 3, maxCelsius: 9.2, range: RANGE })).toBe(
      "47 min above 5 °C (up to 9.2 °C)",
    );
    expect(text({ excursionMinutes: 80, minCelsius: -1.5, maxCelsius: 4, range: RANGE })).toBe(
      "1 h 20 min below 0 °C (down to -1.5 °C)",
    );
    expect(text({ excursionMinutes: 30, minCelsius: -1, maxCelsius: 7, range: RANGE })).toBe(
      "30 min outside 0–5 °C (down to -1 °C, up to 7 °C)",
    );
  });

  it("keeps each temperature on one line with its unit", () => {
    expect(
      excursionText({ excursionMinutes: 47, minCelsius: 3, maxCelsius: 9.2, range: RANGE }),
    ).toBe("47 min above 5\u00a0°C (up to 9.2\u00a0°C)");
  });

  it("says only the time when the rule is not known", () => {
    expect(text({ excursionMinutes: 47, minCelsius: 3, maxCelsius: 9.2, range: null })).toBe(
      "47 min outside its storage range",
    );
  });
});
