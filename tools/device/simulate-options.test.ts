import { describe, expect, it } from "vitest";
import { parseSimulateOptions } from "./simulate-options";

const key = `0x${"ab".repeat(32)}`;
const base = ["--key", key, "--gtin", "09506000134352", "--lot", "L-1", "--duration", "90"];
const parse = (...extra: string[]) =>
  parseSimulateOptions([...base, ...extra], "mqtt://127.0.0.1:1883");

describe("lotledger device simulate's options", () => {
  it("reads a trip with its excursion, speed-up and range", () => {
    const options = parse(
      "--excursion",
      "at=30,minutes=45,peak=12",
      "--speed",
      "60",
      "--range=-2..5",
    );
    expect(options).toMatchObject({
      mqttUrl: "mqtt://127.0.0.1:1883",
      intervalSeconds: 60,
      batchSize: 15,
      durationMinutes: 90,
      excursion: { at: 30, minutes: 45, peakCelsius: 12 },
      speed: 60,
      range: { minCelsius: -2, maxCelsius: 5 },
    });
    expect(options.device.address.toLowerCase()).toBe("0xe239cdc5fbe977a8a141b72194d3cf8c41bc5bc6");
  });

  it("refuses each wrong option with what to give instead", () => {
    const refusals: [string[], string][] = [
      [
        ["--excursion", "at=30,peak=12"],
        '--excursion "at=30,peak=12" is not a plan: give it as at=<minute of the trip>,minutes=<how long>,peak=<°C>, such as at=30,minutes=45,peak=12.',
      ],
      [
        ["--excursion", "at=60,minutes=45,peak=12"],
        "The excursion ends after the trip's 90 minutes: start it earlier or make --duration longer.",
      ],
      [
        ["--range", "5..0"],
        '--range "5..0" is not a range: give it in °C as min..max, such as 0..5 or --range=-25..-18.',
      ],
      [["--interval", "0"], '--interval "0" is not seconds between readings, more than 0.'],
    ];
    for (const [extra, sentence] of refusals) expect(() => parse(...extra)).toThrow(sentence);
    expect(() => parseSimulateOptions(base.slice(2), "mqtt://x")).toThrow(
      "Give the device's private key with --key 0x… or --key-file <file>.",
    );
    expect(() => parseSimulateOptions(["--key", "0x12", ...base.slice(2)], "mqtt://x")).toThrow(
      "The device key is not a private key: give 0x and 64 hex digits.",
    );
  });
});
