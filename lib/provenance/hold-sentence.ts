import { celsiusText, durationText } from "@/lib/cold-chain/judgement";

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
  const above = `up to ${celsiusText(hold.maxCelsius)} °C`;
  const below = `down to ${celsiusText(hold.minCelsius)} °C`;
  if (isAbove && !isBelow) return `${time} above ${celsiusText(range.maxCelsius)} °C (${above})`;
  if (isBelow && !isAbove) return `${time} below ${celsiusText(range.minCelsius)} °C (${below})`;
  return `${time} outside ${celsiusText(range.minCelsius)}–${celsiusText(range.maxCelsius)} °C (${below}, ${above})`;
}
