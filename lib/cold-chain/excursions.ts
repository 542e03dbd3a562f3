// A lot's excursions: each run of consecutive readings (in time order) outside its storage range.
// Pure, so the alerts, their tests and a page can share it.

export type MeasuredReading = { takenAt: Date; milliCelsius: number };

export type ExcursionRun = {
  /** The first reading outside the range: the excursion's identity (an alert is keyed by it). */
  startedAt: Date;
  /** The first reading back inside, or null while the lot's latest reading is still outside. */
  endedAt: Date | null;
  /** The reading farthest outside the range, milli-°C. */
  worstMilliCelsius: number;
  /** From its start to its end, or to its latest reading while it goes on. */
  minutesOutside: number;
};

type Range = { minMilliCelsius: number; maxMilliCelsius: number };

/** How far outside the range a reading is (0 inside). */
const distanceOutside = (milli: number, range: Range) =>
  Math.max(range.minMilliCelsius - milli, milli - range.maxMilliCelsius, 0);

/** The excursions of readings sorted by time, oldest first. */
export function findExcursions(readings: readonly MeasuredReading[], range: Range): ExcursionRun[] {
  const runs: ExcursionRun[] = [];
  let run: (ExcursionRun & { lastAt: Date }) | null = null;
  const close = (endedAt: Date | null) => {
    if (!run) return;
    const until = endedAt ?? run.lastAt;
    const { lastAt: _last, ...rest } = run;
    runs.push({
      ...rest,
      endedAt,
      minutesOutside: (until.getTime() - run.startedAt.getTime()) / 60_000,
    });
    run = null;
  };
  for (const reading of readings) {
    const distance = distanceOutside(reading.milliCelsius, range);
    if (distance === 0) {
      close(reading.takenAt);
      continue;
    }
    if (!run) {
      run = {
        startedAt: reading.takenAt,
        endedAt: null,
        worstMilliCelsius: reading.milliCelsius,
        minutesOutside: 0,
        lastAt: reading.takenAt,
      };
    } else if (distance > distanceOutside(run.worstMilliCelsius, range)) {
      run.worstMilliCelsius = reading.milliCelsius;
    }
    run.lastAt = reading.takenAt;
  }
  close(null);
  return runs;
}
