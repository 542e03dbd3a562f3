import { describe, expect, it } from "vitest";
import { CHART_BOX, type ChartBatch, chartGeometry } from "./chart-geometry";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 6, minute)).toISOString();
const RANGE = { minCelsius: 0, maxCelsius: 5, allowedExcursionMinutes: 30 };
const batchOf = (
  celsius: number[],
  range: ChartBatch["judgement"]["range"] = RANGE,
): ChartBatch => ({
  readings: celsius.map((c, i) => ({ at: at(i * 10), celsius: c, sensorId: "0xabc" })),
  minCelsius: Math.min(...celsius),
  maxCelsius: Math.max(...celsius),
  firstAt: at(0),
  lastAt: at((celsius.length - 1) * 10),
  count: celsius.length,
  judgement: { range },
});
const PLOT_BOTTOM = CHART_BOX.height - CHART_BOX.bottom;

describe("the cold-chain chart's geometry", () => {
  it("draws the storage range as a band between its limits, the warm limit on top", () => {
    const geometry = chartGeometry(batchOf([2, 3, 4]));
    expect(geometry?.band).not.toBeNull();
    const band = geometry?.band ?? { y: 0, height: 0 };
    expect(band.y).toBeCloseTo(geometry?.y(5) ?? Number.NaN, 6);
    expect(band.y + band.height).toBeCloseTo(geometry?.y(0) ?? Number.NaN, 6);
    // Half a degree of margin above and below the band: it never touches the chart's edges.
    expect(band.y).toBeGreaterThan(CHART_BOX.top);
    expect(band.y + band.height).toBeLessThan(PLOT_BOTTOM);
  });

  it("marks exactly the readings above or below the range, where the line passes", () => {
    const geometry = chartGeometry(batchOf([3, 7.5, 5, -1, 4]));
    expect(geometry?.outside.map((p) => [p.celsius, p.isAbove])).toEqual([
      [7.5, true],
      [-1, false],
    ]);
    const [warm, cold] = geometry?.outside ?? [];
    expect(warm?.cx).toBeCloseTo(geometry?.x(at(10)) ?? Number.NaN, 6);
    expect(warm?.cy).toBeLessThan(geometry?.band?.y ?? 0);
    expect(cold?.cy).toBeGreaterThan((geometry?.band?.y ?? 0) + (geometry?.band?.height ?? 0));
    // The extremes stay inside the drawing area.
    expect(warm?.cy).toBeGreaterThanOrEqual(CHART_BOX.top);
    expect(cold?.cy).toBeLessThanOrEqual(PLOT_BOTTOM);
    expect(cold?.cx).toBeCloseTo(
      CHART_BOX.left + (3 / 4) * (CHART_BOX.width - CHART_BOX.left - CHART_BOX.right),
      6,
    );
  });

  it("keeps the band in sight when every reading is far from it", () => {
    const geometry = chartGeometry(batchOf([18, 19]));
    expect(geometry?.outside).toHaveLength(2);
    expect(geometry?.y(0)).toBeLessThanOrEqual(PLOT_BOTTOM);
    expect(geometry?.y(19)).toBeGreaterThanOrEqual(CHART_BOX.top);
  });

  it("has no band and marks nothing for a product without a range", () => {
    const geometry = chartGeometry(batchOf([30, 40], null));
    expect(geometry?.band).toBeNull();
    expect(geometry?.outside).toEqual([]);
  });

  it("draws nothing for a batch whose readings LotLedger no longer holds", () => {
    expect(chartGeometry({ ...batchOf([1]), readings: [], minCelsius: null })).toBeNull();
  });
});
