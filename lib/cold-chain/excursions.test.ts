import { describe, expect, it } from "vitest";
import { findExcursions } from "./excursions";

const range = { minMilliCelsius: 0, maxMilliCelsius: 5000 };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 6, minute));
const readings = (values: number[]) =>
  values.map((milliCelsius, i) => ({ takenAt: at(i * 10), milliCelsius }));

describe("findExcursions", () => {
  it("makes one excursion of a run of readings outside, ended by the first one back inside", () => {
    expect(findExcursions(readings([3000, 6000, 9500, 7000, 4000, 4500]), range)).toEqual([
      { startedAt: at(10), endedAt: at(40), worstMilliCelsius: 9500, minutesOutside: 30 },
    ]);
  });

  it("keeps two runs apart, the last still open, and finds the worst on either side", () => {
    expect(findExcursions(readings([6000, 4000, -1500, -3000, 5500]), range)).toEqual([
      { startedAt: at(0), endedAt: at(10), worstMilliCelsius: 6000, minutesOutside: 10 },
      { startedAt: at(20), endedAt: null, worstMilliCelsius: -3000, minutesOutside: 20 },
    ]);
  });

  it("finds none when every reading is inside, the limits included", () => {
    expect(findExcursions(readings([0, 5000, 2500]), range)).toEqual([]);
  });
});
