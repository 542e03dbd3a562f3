// How the public pages write moments and days. A step of the journey is written in the local time of
// the place where it happened (a harvest in Salinas at 14:30 PST, not 22:30 UTC), with the zone named,
// so a consumer never has to guess which clock a time is on. A place whose time zone nobody set is
// written in UTC, and says so.

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;
const formats = new Map<
  string,
  { moment: Intl.DateTimeFormat; zone: Intl.DateTimeFormat } | null
>();

/** The formatters of an IANA time zone, made once (they are costly); null for a zone Intl refuses. */
function formatsOf(timeZone: string) {
  let entry = formats.get(timeZone);
  if (entry === undefined) {
    try {
      entry = {
        moment: new Intl.DateTimeFormat("en-GB", { ...DATE_TIME, timeZone }),
        // en-US names the zones people know by an abbreviation (PST, EDT); others by offset (GMT+1).
        zone: new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" }),
      };
    } catch {
      entry = null;
    }
    formats.set(timeZone, entry);
  }
  return entry;
}

const UTC = formatsOf("UTC") as NonNullable<ReturnType<typeof formatsOf>>;

/** A moment in UTC: "24 Nov 2026, 22:30 UTC". */
export function utcTimeText(iso: string): string {
  return localTimeText(iso, "UTC");
}

/**
 * A moment on the clock of `timeZone`, the zone named: "24 Nov 2026, 14:30 PST" or
 * "25 Nov 2026, 04:00 GMT+5:30"; in UTC ("… 22:30 UTC") when the zone is unknown or not a real one.
 */
export function localTimeText(iso: string, timeZone: string | null): string {
  const date = new Date(iso);
  const zoned = (timeZone && formatsOf(timeZone)) || UTC;
  const zone = zoned.zone.formatToParts(date).find((part) => part.type === "timeZoneName")?.value;
  return `${zoned.moment.format(date)} ${zone ?? "UTC"}`;
}

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day as someone entered it ("2026-11-24"): "24 Nov 2026", the same in every zone. */
export function dayText(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : DAY.format(date);
}

/** The day a moment fell on, on the clock of `timeZone` (UTC when unknown): "24 Nov 2026". */
export function localDayText(iso: string, timeZone: string | null): string {
  const zone = timeZone && formatsOf(timeZone) ? timeZone : "UTC";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: zone }).format(
    new Date(iso),
  );
}
