import type { DeviceReading } from "@/lib/cold-chain/excursion-minutes";

/** An excursion to play: `at` minutes into the trip, lasting `minutes`, peaking at `peakCelsius`. */
export type ExcursionPlan = { at: number; minutes: number; peakCelsius: number };

type TripPlan = {
  /** Unix seconds of the first reading. */
  startAt: number;
  intervalSeconds: number;
  count: number;
  /** The band the reefer keeps, in °C: the storage range, or 2–5 °C without one. */
  band: { minCelsius: number; maxCelsius: number };
  excursion?: ExcursionPlan;
  /** A source of numbers in [0, 1): Math.random, or a seeded one for tests. */
  random?: () => number;
};

/**
 * A reefer trip as a logger measures it: the temperature wanders around the middle of its band with
 * sensor noise, the doors open now and then (a few minutes' rise, still inside the band), and the
 * planned excursion, if any, leaves the band within a minute of its start and comes back at its end.
 */
export function tripReadings({
  startAt,
  intervalSeconds,
  count,
  band,
  excursion,
  random = Math.random,
}: TripPlan): DeviceReading[] {
  const width = band.maxCelsius - band.minCelsius;
  const middle = band.minCelsius + width / 2;
  const ceiling = band.maxCelsius - width * 0.08;
  const floor = band.minCelsius + width * 0.08;
  let drift = 0;
  let doorLeft = 0;
  const readings: DeviceReading[] = [];
  for (let i = 0; i < count; i++) {
    const minute = (i * intervalSeconds) / 60;
    drift = drift * 0.95 + (random() - 0.5) * width * 0.04;
    if (doorLeft <= 0 && random() < intervalSeconds / 3600 / 2) doorLeft = 4 + random() * 4;
    const door = doorLeft > 0 ? width * 0.3 * Math.min(1, doorLeft / 2) : 0;
    doorLeft -= intervalSeconds / 60;
    const noise = (random() - 0.5) * width * 0.03;
    let celsius = Math.min(ceiling, Math.max(floor, middle + drift + door + noise));
    if (excursion && minute >= excursion.at && minute < excursion.at + excursion.minutes) {
      celsius = excursionCelsius(excursion, minute - excursion.at, band.maxCelsius);
    }
    readings.push({ t: startAt + i * intervalSeconds, mc: Math.round(celsius * 100) * 10 });
  }
  return readings;
}

/** Out at once (half a degree over the band), up to the peak over a third, down over the last third. */
function excursionCelsius(plan: ExcursionPlan, into: number, maxCelsius: number): number {
  const edge = Math.max(maxCelsius + 0.5, Math.min(plan.peakCelsius, maxCelsius + 0.5));
  const third = plan.minutes / 3;
  const rise = Math.min(1, into / third);
  const fall = Math.min(1, (plan.minutes - into) / third);
  return edge + (plan.peakCelsius - edge) * Math.min(rise, fall);
}
