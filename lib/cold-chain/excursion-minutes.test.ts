import { describe, expect, it } from "vitest";
import { minutesOutsideRange } from "./excursion-minutes";

const range = { minMilliCelsius: 2_000, maxMilliCelsius: 5_000 };
/** One reading a minute from t = 0, the temperatures given. */
const everyMinute = (...mcs: number[]) => mcs.map((mc, i) => ({ t: i * 60, mc }));

describe("minutesOutsideRange", () => {
  it("is 0 for readings inside the range, its ends included, and without a range", () => {
    expect(minutesOutsideRange(everyMinute(2_000, 3_500, 5_000), range)).toBe(0);
    expect(minutesOutsideRange(everyMinute(9_000, 9_000), null)).toBe(0);
  });

  it("counts each reading outside until the next reading", () => {
    // Outside at minutes 1, 2 and 3; back inside at minute 4.
    expect(minutesOutsideRange(everyMinute(4_000, 6_000, 7_000, 1_000, 4_000), range)).toBe(3);
  });

  it("counts a last reading outside for one interval of the logger's cadence", () => {
    expect(minutesOutsideRange(everyMinute(4_000, 4_000, 9_000), range)).toBe(1);
    const every5 = [0, 300, 600].map((t, i) => ({ t, mc: i === 2 ? 9_000 : 4_000 }));
    expect(minutesOutsideRange(every5, range)).toBe(5);
  });

  it("gives at least 1 minute when any reading is outside, so no excursion is hidden", () => {
    expect(minutesOutsideRange([{ t: 0, mc: 12_000 }], range)).toBe(1);
    expect(
      minutesOutsideRange(
        [
          { t: 0, mc: 4_000 },
          { t: 10, mc: 12_000 },
          { t: 20, mc: 4_000 },
        ],
        range,
      ),
    ).toBe(1);
  });

  it("rounds seconds up to whole minutes and ignores the readings' order", () => {
    const readings = [
      { t: 90, mc: 3_000 },
      { t: 0, mc: 8_000 },
      { t: 61, mc: 8_000 },
    ];
    expect(minutesOutsideRange(readings, range)).toBe(2);
  });
});
