/** Runs `run` for each id in turn (never two at once: latency, not throughput), in milliseconds. */
export async function timeEach(
  ids: readonly string[],
  run: (id: string) => Promise<unknown>,
): Promise<number[]> {
  const durations: number[] = [];
  for (const id of ids) {
    const started = performance.now();
    await run(id);
    durations.push(performance.now() - started);
  }
  return durations;
}

/** The nearest-rank percentile `p` (0–100) of the values, to 0.1 ms. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[rank] ?? Number.NaN);
}

export const round = (ms: number) => Math.round(ms * 10) / 10;

/** `count` distinct items picked at random (a partial Fisher–Yates shuffle). */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}
