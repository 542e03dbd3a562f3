// Where a calendar day begins on a place's clock: a date window typed as days ("from 1 Nov to 3 Nov")
// means those days where the reader is, not in UTC.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day written YYYY-MM-DD that exists (no 31 February). */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** The day after a YYYY-MM-DD day, written the same way. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The instant a YYYY-MM-DD day begins in an IANA time zone (UTC when none is set or Intl refuses
 * it), on days the clocks change too.
 */
export function dayStartIn(timeZone: string | null | undefined, day: string): Date {
  const midnightAsUtc = new Date(`${day}T00:00:00Z`).getTime();
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone ?? "UTC",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch {
    return new Date(midnightAsUtc);
  }
  // How far the zone's wall clock is ahead of UTC at an instant.
  const offsetAt = (at: number) => {
    const part = (type: string) =>
      Number(format.formatToParts(at).find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      part("year"),
      part("month") - 1,
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    );
    return wall - Math.floor(at / 1000) * 1000;
  };
  // Midnight's own offset may differ from the first guess's on a day the clocks change: correct once.
  const guess = midnightAsUtc - offsetAt(midnightAsUtc);
  return new Date(midnightAsUtc - offsetAt(guess));
}
