import { localTimeText } from "@/lib/text/local-time";

/** A moment on the place's own clock, with the zone's abbreviation ("2 Dec 2026, 09:30 PST"). */
export function Moment({ date, timeZone }: { date: Date; timeZone: string }) {
  return <time dateTime={date.toISOString()}>{localTimeText(date, timeZone)}</time>;
}
