import { describe, expect, it } from "vitest";
import { minutesOutsideRange } from "@/lib/cold-chain/excursion-minutes";
import { batchFactsOf } from "./batch-facts";

// The formula every party signs by (docs/devices.md): a regression here makes honest loggers' batches
// refused, or lets an excursion pass as 0 minutes, which the contract refuses as hidden.

const RANGE = { minMilliCelsius: 2000, maxMilliCelsius: 8000 };
const everyMinute = (temperatures: number[]) =>
  temperatures.map((mc, i) => ({ t: 1_000 + i * 60, mc }));

describe("minutesOutsideRange", () => {
  it("sums the sampling intervals of readings outside, the ends of the range inside", () => {
    expect(minutesOutsideRange(everyMinute([5000, 9000, 9100, 8000, 2000, 1999]), RANGE)).toBe(3);
  });

  it("gives each reading the time until the next, the last the interval before it", () => {
    const readings = [
      { t: 0, mc: 9000 },
      { t: 300, mc: 4000 },
      { t: 310, mc: 9000 },
      { t: 340, mc: 9000 },
    ];
    // 300 s + 30 s + 30 s (the last repeats the 30 s before it) = 360 s.
    expect(minutesOutsideRange(readings, RANGE)).toBe(6);
  });

  it("rounds up, so an excursion is never 0 minutes; a lone reading counts one minute", () => {
    expect(
      minutesOutsideRange(
        [
          { t: 0, mc: 9000 },
          { t: 10, mc: 4000 },
        ],
        RANGE,
      ),
    ).toBe(1);
    expect(minutesOutsideRange([{ t: 0, mc: -500 }], RANGE)).toBe(1);
  });

  it("orders the readings by time whatever order they arrive in, and is 0 without a range", () => {
    const readings = everyMinute([9000, 4000, 4000]);
    expect(minutesOutsideRange([...readings].reverse(), RANGE)).toBe(1);
    expect(minutesOutsideRange(readings, null)).toBe(0);
  });
});

describe("batchFactsOf", () => {
  it("gives the count, first and last times and the extremes a device signs", () => {
    expect(
      batchFactsOf(
        [
          { t: 120, mc: 3000 },
          { t: 60, mc: 9000 },
          { t: 180, mc: -200 },
        ],
        RANGE,
      ),
    ).toEqual({
      readingCount: 3,
      firstReadingAt: 60,
      lastReadingAt: 180,
      minMilliCelsius: -200,
      maxMilliCelsius: 9000,
      minutesOutsideRange: 2,
    });
  });
});
