/** The most attempts at one notice: doubling from 5 s, the last comes about a day after the first. */
export const MAX_ATTEMPTS = 16;
const MAX_DELAY_MS = 6 * 60 * 60 * 1000;

/**
 * How long to wait before the next attempt after `attempts` failed ones: doubling from `baseMs`, at
 * most six hours, with up to a tenth more at random so that receivers coming back from an outage are
 * not hit by every sender at the same instant.
 */
export function retryDelayMs(attempts: number, baseMs: number, random = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(delay * (1 + random() / 10));
}
