import type { ChartPoint, StorageRange } from "@/lib/cold-chain";

/** The drawing area of a cold-chain chart, in SVG units (a phone's width at 1:1). */
export const CHART_BOX = { width: 320, height: 160, left: 40, right: 8, top: 8, bottom: 20 };

/** What the chart draws of a batch: its readings, their extremes and span, and the allowed band. */
export type ChartBatch = {
  readings: readonly ChartPoint[];
  minCelsius: number | null;
  maxCelsius: number | null;
  firstAt: string | null;
  lastAt: string | null;
  count: number;
  judgement: { range: StorageRange | null };
};

export type ChartGeometry = {
  x: (at: string) => number;
  y: (celsius: number) => number;
  /** The storage range as a rectangle across the chart; null when the product has none. */
  band: { y: number; height: number } | null;
  /** Readings above or below the range, where the chart marks them. */
  outside: Array<ChartPoint & { cx: number; cy: number; isAbove: boolean }>;
};

/**
 * Where a batch's readings, its storage range and its readings outside that range sit on the chart,
 * or null when there is nothing to draw. The scale always takes in the band, so a reading outside it
 * is seen to be outside, and spans at least 2 °C, so a steady line sits mid-chart instead of drawing
 * noise across it.
 */
export function chartGeometry(batch: ChartBatch): ChartGeometry | null {
  const { readings, minCelsius: min, maxCelsius: max, firstAt, lastAt } = batch;
  if (readings.length === 0 || min === null || max === null || !firstAt || !lastAt) return null;
  const range = batch.judgement.range;
  const middle = (min + max) / 2;
  const low = Math.min(min - 0.5, middle - 1, (range?.minCelsius ?? min) - 0.5);
  const high = Math.max(max + 0.5, middle + 1, (range?.maxCelsius ?? max) + 0.5);
  const { width, height, left, right, top, bottom } = CHART_BOX;
  const start = Date.parse(firstAt);
  const span = Math.max(Date.parse(lastAt) - start, 1);
  const x = (at: string) => left + ((Date.parse(at) - start) / span) * (width - left - right);
  const y = (celsius: number) => top + ((high - celsius) / (high - low)) * (height - top - bottom);
  const outside = range
    ? readings
        .filter((r) => r.celsius < range.minCelsius || r.celsius > range.maxCelsius)
        .map((r) => ({
          ...r,
          cx: x(r.at),
          cy: y(r.celsius),
          isAbove: r.celsius > range.maxCelsius,
        }))
    : [];
  return {
    x,
    y,
    band: range
      ? { y: y(range.maxCelsius), height: y(range.minCelsius) - y(range.maxCelsius) }
      : null,
    outside,
  };
}
