import { describe, expect, it } from "vitest";
import { type ColdChainBatch, downsampleReadings, judgeReadings } from "@/lib/cold-chain";
import { ColdChainSection } from "./cold-chain-section";
import { renderFragment } from "./render";

const coldChainSection = (batches: ColdChainBatch[]) => {
  const text = renderFragment(<ColdChainSection batches={batches} />);
  return text === "" ? null : { text };
};
const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 6, minute)).toISOString();
const RANGE = { minCelsius: 0, maxCelsius: 5, allowedExcursionMinutes: 30 };
/** A batch as getColdChain gives it: its readings judged against a 0–5 °C product. */
const judged = (b: Omit<ColdChainBatch, "judgement">): ColdChainBatch => ({
  ...b,
  judgement: judgeReadings(b.readings, RANGE, b.count),
});
const batch = judged({
  txHash: `0x${"ab".repeat(32)}`,
  blockNumber: 42,
  recordedBy: `ColdRoute <script>alert("x")</script>`,
  count: 3,
  minCelsius: 1.2,
  maxCelsius: 3.9,
  firstAt: at(0),
  lastAt: at(20),
  readings: [
    { at: at(0), celsius: 1.2, sensorId: "T-1" },
    { at: at(10), celsius: 3.9, sensorId: "T-1" },
    { at: at(20), celsius: 2.5, sensorId: `"><script>` },
  ],
  isVerified: true,
});

describe("the cold-chain section of the public page", () => {
  it("says the range, span and holder in plain HTML, with a chart named for screen readers", () => {
    const text = coldChainSection([batch])?.text ?? "";
    expect(text).toContain('<h2 id="cold-chain-heading">Cold chain</h2>');
    expect(text).toContain(
      'data-testid="temperature-range">Kept between 1.2 and 3.9 °C (range 0–5 °C)</p>',
    );
    // React spells the attribute dateTime; HTML reads attribute names without regard to case.
    expect(text).toContain(
      '3 readings from <time dateTime="2026-11-24T06:00:00.000Z">24 Nov 2026, 06:00 UTC</time> to',
    );
    expect(text).toContain(
      'role="img" aria-label="Temperature from 24 Nov 2026, 06:00 UTC to 24 Nov 2026, 06:20 UTC: between 1.2 and 3.9 °C, 3 readings; storage range 0 to 5 °C"',
    );
    expect(text.match(/<polyline /g)).toHaveLength(2);
    // Within one day the axis shows the time alone, so both ends fit at 360 px.
    expect(text).toMatch(/>06:00 UTC<\/text>[\s\S]*>06:20 UTC<\/text><\/svg>/);
    expect(text).toContain("✓ verified on the ledger");
    expect(text).toContain(`block 42 · tx ${batch.txHash}`);
  });

  it("escapes what comes from the database and runs no script", () => {
    const text = coldChainSection([batch])?.text ?? "";
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain(
      "recorded by ColdRoute &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;",
    );
  });

  it("marks a batch whose readings no longer match, and one whose readings are gone", () => {
    const changed = coldChainSection([{ ...batch, isVerified: false }])?.text ?? "";
    expect(changed).toContain("✗ not verified: the stored readings no longer match the ledger");
    expect(changed).not.toContain("✓ verified");
    const gone = { ...batch, isVerified: false, minCelsius: null, maxCelsius: null, readings: [] };
    const text = coldChainSection([judged({ ...gone, firstAt: null, lastAt: null })])?.text ?? "";
    expect(text).toContain("The ledger holds 3 readings that LotLedger no longer has");
    expect(text).not.toContain("<svg");
  });

  it("is left out when the lot has no readings, and says 'kept at' for a steady one", () => {
    expect(coldChainSection([])).toBeNull();
    const readings = batch.readings.map((r) => ({ ...r, celsius: 2 }));
    const steady = judged({ ...batch, minCelsius: 2, maxCelsius: 2, readings });
    expect(coldChainSection([steady])?.text).toContain("Kept at 2 °C (range 0–5 °C)");
  });

  it("never says kept for a batch outside its range, and draws the range as a band", () => {
    const readings = batch.readings.map((r, i) => ({
      ...r,
      celsius: i === 1 ? 14.2 : 3,
      sensorId: "T-1",
    }));
    const warm = judged({ ...batch, maxCelsius: 14.2, readings });
    const text = coldChainSection([warm])?.text ?? "";
    expect(text).toContain(
      'data-testid="temperature-range">Outside its range for 10 min (max 14.2 °C)</p>',
    );
    expect(text).not.toContain("Kept");
    expect(text).toContain('data-testid="storage-range-band"');
  });

  it("draws at most 240 points however many readings, keeping each run's extremes", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 10, 24) + i * 10_000).toISOString(),
      celsius: i === 5_000 ? 9.5 : 2 + (i % 7) / 10,
      sensorId: null,
    }));
    const points = downsampleReadings(many);
    expect(points.length).toBeLessThanOrEqual(240);
    expect(points.some((p) => p.celsius === 9.5)).toBe(true);
    expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort());
  });
});
