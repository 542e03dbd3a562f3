/** "Dec 2, 9:30 AM PST": a moment in the place's own time zone, with the zone's abbreviation. */
export function formatLocalMoment(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

export function Moment({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{formatLocalMoment(date, timeZone)}</time>;
}
