// ISO 8601 with a zone (Z or ±hh:mm): a logger's local time without one would be off by hours
// somewhere along the chain, so it is refused rather than guessed. A space may stand for the T.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The instant an ISO 8601 time with its zone names, or null (also for 30 February or 24:61). */
export function readingTime(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  const match = ISO_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((n) => Number(n ?? 0));
  const calendar = new Date(Date.UTC(year as number, (month as number) - 1, day));
  if (calendar.getUTCMonth() !== (month as number) - 1 || calendar.getUTCDate() !== day) {
    return null;
  }
  if ((hour as number) > 23 || (minute as number) > 59 || (second as number) > 59) return null;
  const zone = (match[7] as string).toUpperCase();
  const offset = zone === "Z" || zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const time = Date.parse(
    `${text.slice(0, 10)}T${text.slice(11, text.length - zone.length)}${offset}`,
  );
  return Number.isNaN(time) ? null : new Date(time);
}
