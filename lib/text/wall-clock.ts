/**
 * A wall-clock time typed in a form (an <input type="datetime-local">, "2026-12-03T14:30") as the
 * moment it names on the clock of `timeZone` (UTC when unknown or not a real zone); null when the
 * text is not such a time. Found by asking Intl what the zone's clock reads at a first guess, twice,
 * so a time next to a daylight-saving change lands on the right side of it.
 */
export function wallClockToDate(text: string, timeZone: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wanted = Date.UTC(y as number, (mo as number) - 1, d, h, mi);
  const check = new Date(wanted);
  if (check.getUTCMonth() !== (mo as number) - 1 || check.getUTCDate() !== d) return null;
  let guess = wanted;
  for (let pass = 0; pass < 2; pass++) guess = wanted - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** How far the zone's clock is ahead of UTC at a moment, in ms. */
function offsetAt(at: number, timeZone: string | null | undefined): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timeZone || "UTC",
      hourCycle: "h23",
      ...{ year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" },
    });
  } catch {
    return 0;
  }
  const parts = new Map(format.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.get(type) ?? 0;
  const clock = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
  );
  return clock - Math.floor(at / 60_000) * 60_000;
}
