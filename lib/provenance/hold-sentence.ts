import { celsiusText, durationText } from "@/lib/cold-chain";

/** A temperature that never breaks from its unit at the end of a line. */
const degrees = (celsius: number) => `${celsiusText(celsius)}\u00a0°C`;

type Hold = {
  excursionMinutes: number;
  minCelsius: number;
  maxCelsius: number;
  range: { minCelsius: number; maxCelsius: number } | null;
};

/**
 * Why the rule held a lot, in the words of a driver or a shopper: "47 min above 5 °C (up to
 * 9.2 °C)", "20 min below 0 °C (down to -1.5 °C)", or outside the range both ways.
 */
export function excursionText(hold: Hold): string {
  const time = durationText(hold.excursionMinutes);
  const { range } = hold;
  if (!range) return `${time} outside its storage range`;
  const isAbove = hold.maxCelsius > range.maxCelsius;
  const isBelow = hold.minCelsius < range.minCelsius;
  const above = `up to ${degrees(hold.maxCelsius)}`;
  const below = `down to ${degrees(hold.minCelsius)}`;
  if (isAbove && !isBelow) return `${time} above ${degrees(range.maxCelsius)} (${above})`;
  if (isBelow && !isAbove) return `${time} below ${degrees(range.minCelsius)} (${below})`;
  return `${time} outside ${celsiusText(range.minCelsius)}–${degrees(range.maxCelsius)} (${below}, ${above})`;
}
