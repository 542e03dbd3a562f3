import { describe, expect, it } from "vitest";
import { parseBatchMessage } from "./batch-message";

// A logger's message from MQTT (bytes) or HTTPS (text): read as JSON, each field checked, the first
// wrong one named in the sentence the device's owner reads on the reply topic.

const message = {
  batch: {
    gtin: "09506000134352",
    lotCode: "L-1",
    readingsRoot: `0x${"ab".repeat(32)}`,
    readingCount: 1,
    sequence: 1,
    firstReadingAt: 1_764_745_200,
    lastReadingAt: 1_764_745_200,
    minMilliCelsius: 2100,
    maxMilliCelsius: 2100,
    minutesOutsideRange: 0,
  },
  signature: `0x${"11".repeat(65)}`,
  readings: [{ t: 1_764_745_200, mc: 2100 }],
};

const refusalOf = (value: unknown) => {
  try {
    parseBatchMessage(value);
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
};

describe("parseBatchMessage", () => {
  it("reads the same message from bytes, text or an object", () => {
    const text = JSON.stringify(message);
    expect(parseBatchMessage(Buffer.from(text))).toEqual(message);
    expect(parseBatchMessage(text)).toEqual(message);
    expect(parseBatchMessage(message)).toEqual(message);
  });

  it("names the field that is wrong", () => {
    expect(refusalOf({ ...message, batch: { ...message.batch, gtin: 9506000134352 } })).toBe(
      "The message's batch.gtin is missing or malformed: send the lot's GTIN-14 as text of 14 digits.",
    );
    expect(refusalOf({ ...message, readings: [{ t: "noon", mc: 2100 }] })).toBe(
      "The message's readings.0.t is missing or malformed: send unix seconds, a whole number.",
    );
    expect(refusalOf({ ...message, readings: [] })).toBe(
      'The message\'s readings is missing or malformed: send a list of 1 to 10,000 readings {"t": unix seconds, "mc": milli-°C}.',
    );
  });

  it("refuses what is not a JSON object", () => {
    expect(refusalOf("[1, 2]")).toBe(
      "The message is not a JSON object with batch, signature and readings: send it in the format docs/devices.md shows.",
    );
    expect(refusalOf("batch=1")).toBe(
      "The message is not JSON: send the batch, its signature and its readings as one JSON object.",
    );
  });
});
