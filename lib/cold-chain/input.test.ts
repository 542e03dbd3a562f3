import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { parseReadings, readingsBody, readingsFromCsv, readingsUpload } from "./input";

const NOW = new Date("2026-11-24T12:00:00Z");
const fromCsv = (text: string) => parseReadings(readingsFromCsv(text), NOW);
const sentence = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected a refusal");
};

describe("a data logger's CSV export", () => {
  it("reads time,celsius[,sensor] to the milli-degree, with zones, quotes, a BOM and blank lines", () => {
    const csv = `\uFEFFTime,Celsius,Sensor\r\n2026-11-24T06:00:00Z,3.5,T-1\r\n\r\n"2026-11-24 08:10:00+02:00", -1.25 ,"T-2"\n2026-11-24T06:10:00.500+0000,2.0004,\n`;
    expect(fromCsv(csv)).toEqual([
      { takenAt: new Date("2026-11-24T06:00:00Z"), milliCelsius: 3500, sensorId: "T-1" },
      { takenAt: new Date("2026-11-24T06:10:00Z"), milliCelsius: -1250, sensorId: "T-2" },
      { takenAt: new Date("2026-11-24T06:10:00.500Z"), milliCelsius: 2000, sensorId: null },
    ]);
    expect(fromCsv("time,celsius\n2026-11-24T06:00Z,4")).toHaveLength(1);
  });

  it.each([
    ["", "The CSV is empty: give the header time,celsius and then one reading per line."],
    [
      "date,temp\n2026-11-24T06:00:00Z,3",
      "Line 1: the header must be time,celsius or time,celsius,sensor, not 'date,temp'.",
    ],
    [
      "time,celsius\n2026-11-24T06:00:00Z,3\n2026-11-24T06:05:00Z,3,5",
      "Line 3: expected 2 values (time,celsius) but found 3: give one reading per line, separated by commas.",
    ],
    [
      "time,celsius\n2026-11-24T06:00:00Z,abc",
      "Line 2: temperature 'abc' is not a number in °C: write it like 3.5 or -18.",
    ],
    [
      "time,celsius\n\n2026-11-24 06:00,3",
      "Line 3: time '2026-11-24 06:00' is not a date and time with its zone: write it like 2026-11-24T06:00:00Z.",
    ],
    [
      "time,celsius\n2026-02-30T06:00:00Z,3",
      "Line 2: time '2026-02-30T06:00:00Z' is not a date and time with its zone: write it like 2026-11-24T06:00:00Z.",
    ],
    [
      "time,celsius\n2026-11-25T06:00:00Z,3",
      "Line 2: time 2026-11-25T06:00:00.000Z is in the future: check the logger's clock.",
    ],
    [
      "time,celsius\n2026-11-24T06:00:00Z,38.5\n2026-11-24T06:01:00Z,75",
      "Line 3: temperature 75 °C is outside -40 to 60 °C: check the logger records °C, not °F.",
    ],
    [
      "time,celsius,sensor\n2026-11-24T06:00:00Z,3,T-1\n2026-11-24T06:00:00Z,3,T-2\n2026-11-24T07:00:00+01:00,4,T-1",
      "Line 4: 2026-11-24T06:00:00.000Z from sensor T-1 is already line 2: keep one of the two.",
    ],
    [
      "time,celsius\n",
      "There are no readings: give one reading per line under the header time,celsius.",
    ],
  ])("refuses %j: %s", (csv, message) => {
    expect(sentence(() => fromCsv(csv))).toBe(message);
  });

  it("takes at most 10,000 readings in one batch", () => {
    const line = (i: number) => `${new Date(NOW.getTime() - (i + 1) * 1000).toISOString()},3`;
    const csv = (n: number) =>
      `time,celsius\n${Array.from({ length: n }, (_, i) => line(i)).join("\n")}`;
    expect(fromCsv(csv(10_000))).toHaveLength(10_000);
    expect(sentence(() => fromCsv(csv(10_001)))).toBe(
      "There are 10,001 readings: record at most 10,000 at a time, in several uploads.",
    );
  });

  it("names readings of a JSON body by their position", () => {
    expect(sentence(() => parseReadings({ time: "x" }, NOW))).toBe(
      'Send the readings as a list: {"readings": [{"time": "2026-11-24T06:00:00Z", "celsius": 3.5}]}.',
    );
    expect(
      sentence(() =>
        parseReadings(
          [
            { time: "2026-11-24T06:00:00Z", celsius: 3 },
            { time: "2026-11-24T06:01:00Z", celsius: "" },
          ],
          NOW,
        ),
      ),
    ).toBe("Reading 2: temperature '' is not a number in °C: write it like 3.5 or -18.");
    expect(sentence(() => parseReadings(["3.5"], NOW))).toBe(
      'Reading 1: give it as {"time": "2026-11-24T06:00:00Z", "celsius": 3.5}.',
    );
  });
});

describe("what the form and the API send", () => {
  const BODY = 'Send {"readings": [{"time": …, "celsius": …}]}.';

  it.each([[null], [[]], ["readings"], [{}], [{ readings: [], locationGln: 9520123456788 }]])(
    "answers %j with the shape of the body",
    (body) => {
      expect(sentence(() => parseInput(readingsBody, body))).toBe(BODY);
    },
  );

  it("keeps the readings for recordReadings to check, and the GLN as sent", () => {
    expect(parseInput(readingsBody, { readings: "x", locationGln: " 9520123456788" })).toEqual({
      readings: "x",
      locationGln: " 9520123456788",
    });
  });

  it("asks for a file or pasted readings, at the file field", () => {
    const error = (() => {
      try {
        parseInput(readingsUpload, { file: " \n" });
      } catch (thrown) {
        return thrown as AppError;
      }
    })();
    expect(error).toMatchObject({
      message: "Choose the logger's CSV file, or paste its readings.",
      field: "file",
    });
  });
});
