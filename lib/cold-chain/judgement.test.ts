import { describe, expect, it } from "vitest";
import { durationText, judgeReadings } from "./judgement";

const RANGE = { minCelsius: 0, maxCelsius: 5, allowedExcursionMinutes: 30 };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 6, minute)).toISOString();
const series = (temperatures: number[], sensorId: string | null = "A", every = 1) =>
  temperatures.map((celsius, i) => ({ at: at(i * every), celsius, sensorId }));

describe("judgeReadings", () => {
  it("says kept, with the range, only when every reading is inside it", () => {
    expect(judgeReadings(series([1, 4]), RANGE, 2).sentence).toBe(
      "Kept between 1 and 4 °C (range 0–5 °C)",
    );
    expect(judgeReadings(series([3, 3]), RANGE, 2).sentence).toBe("Kept at 3 °C (range 0–5 °C)");
  });

  it("times an excursion from the first reading outside to the next one back inside", () => {
    const judgement = judgeReadings(series([3, 7, 14.2, 6, 3], "A", 10), RANGE, 5);
    expect(judgement).toMatchObject({
      kind: "excursion",
      sentence: "Outside its range for 30 min (max 14.2 °C)",
      excursion: { minutes: 30, isBeyondAllowance: false },
    });
    expect(judgeReadings(series([3, -1.5, 6, 3], "A", 20), RANGE, 4).sentence).toBe(
      "Outside its range for 40 min (min -1.5 °C, max 6 °C)",
    );
    expect(judgeReadings(series([3, 3, 9]), RANGE, 3).sentence).toBe(
      "Outside its range at its last reading (max 9 °C)",
    );
  });

  it("counts overlapping excursions of two sensors once", () => {
    const readings = [...series([3, 8, 8, 3], "A", 10), ...series([3, 3, 8, 8, 3], "B", 10)];
    expect(judgeReadings(readings, RANGE, 9)).toMatchObject({ excursion: { minutes: 30 } });
  });

  it("has no verdict without a range", () => {
    expect(judgeReadings(series([2.5, 14.2]), null, 2).sentence).toBe(
      "Measured between 2.5 and 14.2 °C; no reference range for this product",
    );
  });
});

describe("durationText", () => {
  it.each([
    [47, "47 min"],
    [60, "1 h"],
    [125, "2 h 5 min"],
    [1440 + 59, "1 day"],
    [11279, "7 days 19 h"],
  ])("%d minutes: %s", (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });
});
