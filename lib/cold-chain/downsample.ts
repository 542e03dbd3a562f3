/** A reading as a chart draws it. */
export type ChartPoint = { at: string; celsius: number; sensorId: string | null };

/** Points a phone-sized chart can show; more only thicken the line. */
export const CHART_POINTS = 240;

/**
 * At most `max` points of time-ordered readings for display: each of max/2 equal runs keeps its
 * lowest and highest reading, in time order, so a short excursion still shows on the chart.
 */
export function downsampleReadings<T extends ChartPoint>(
  readings: readonly T[],
  max = CHART_POINTS,
): T[] {
  if (readings.length <= max) return [...readings];
  const runs = Math.floor(max / 2);
  const points: T[] = [];
  for (let run = 0; run < runs; run++) {
    const slice = readings.slice(
      Math.floor((run * readings.length) / runs),
      Math.floor(((run + 1) * readings.length) / runs),
    );
    let [low, high] = [0, 0];
    slice.forEach((reading, i) => {
      if (reading.celsius < (slice[low] as T).celsius) low = i;
      if (reading.celsius > (slice[high] as T).celsius) high = i;
    });
    for (const i of low === high ? [low] : [Math.min(low, high), Math.max(low, high)]) {
      points.push(slice[i] as T);
    }
  }
  return points;
}
