import { AppError } from "@/lib/errors";
import type { ReadingInput } from "./parse-readings";

const HEADERS = ["time,celsius", "time,celsius,sensor"];

/**
 * The rows of a data logger's CSV export: a header `time,celsius` or `time,celsius,sensor`, then one
 * reading per line (blank lines skipped, values may be in double quotes). Each row keeps its line
 * number, so parseReadings names the line a person has to fix.
 */
export function readingsFromCsv(text: string): ReadingInput[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex === -1) {
    throw new AppError(
      "INVALID_INPUT",
      "The CSV is empty: give the header time,celsius and then one reading per line.",
    );
  }
  const header = splitLine(lines[headerIndex] as string).map((value) => value.toLowerCase());
  if (!HEADERS.includes(header.join(","))) {
    throw new AppError(
      "INVALID_INPUT",
      `Line ${headerIndex + 1}: the header must be time,celsius or time,celsius,sensor, not '${header.join(",")}'.`,
    );
  }
  const rows: ReadingInput[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    const line = (lines[index] as string).trim();
    if (line === "") continue;
    const values = splitLine(line);
    if (values.length !== header.length) {
      throw new AppError(
        "INVALID_INPUT",
        `Line ${index + 1}: expected ${header.length} values (${header.join(",")}) but found ${values.length}: give one reading per line, separated by commas.`,
      );
    }
    const [time, celsius, sensor] = values;
    rows.push({ time, celsius, sensor: sensor ?? null, line: index + 1 });
  }
  return rows;
}

function splitLine(line: string): string[] {
  return line.split(",").map((value) =>
    value
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .trim(),
  );
}
