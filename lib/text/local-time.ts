// How every page writes moments and days, staff and public alike. A moment is written on the clock of
// the place it concerns (a harvest in Salinas at 14:30 PST, not 22:30 UTC), the zone named by its
// abbreviation, so nobody has to guess which clock a time is on. A place whose time zone nobody set
// is written in UTC, and says so.

// Intl names a zone's abbreviation only in the English of the country that uses it (CET in en-GB, IST
// in en-IN, AEST in en-AU); everywhere else it writes an offset. These are asked in turn.
const ABBREVIATING_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU", "en-ZA", "en-SG", "en-IE"];
const OFFSET = /^GMT[+-]/;

type ZoneFormats = {
  moment: Intl.DateTimeFormat;
  day: Intl.DateTimeFormat;
  names: Intl.DateTimeFormat[];
};
const formats = new Map<string, ZoneFormats | null>();

/** The formatters of an IANA time zone, made once (they are costly); null for a zone Intl refuses. */
function formatsOf(timeZone: string): ZoneFormats | null {
  let entry = formats.get(timeZone);
  if (entry === undefined) {
    try {
      entry = {
        moment: new Intl.DateTimeFormat("en-GB", {
          dateStyle: "medium",
          timeStyle: "short",
          timeZone,
        }),
        day: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }),
        names: ABBREVIATING_LOCALES.map(
          (locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }),
        ),
      };
    } catch {
      entry = null;
    }
    formats.set(timeZone, entry);
  }
  return entry;
}

const UTC = formatsOf("UTC") as ZoneFormats;
const zoneFormats = (timeZone: string | null | undefined) =>
  (timeZone && formatsOf(timeZone)) || UTC;

/** The zone's abbreviation at that moment ("CET", "PDT", "IST"), or its offset ("GMT+9") if it has none. */
function zoneName(zoned: ZoneFormats, date: Date): string {
  let offset = "UTC";
  for (const names of zoned.names) {
    const name = names.formatToParts(date).find((part) => part.type === "timeZoneName")?.value;
    if (name && !OFFSET.test(name)) return name;
    offset = name ?? offset;
  }
  return offset;
}

/** A moment in UTC: "24 Nov 2026, 22:30 UTC". */
export function utcTimeText(at: Date | string): string {
  return localTimeText(at, "UTC");
}

/**
 * A moment on the clock of `timeZone`, the zone named: "24 Nov 2026, 14:30 PST", "24 Nov 2026,
 * 23:30 CET" or "25 Nov 2026, 07:30 GMT+9"; in UTC ("… 22:30 UTC") when the zone is unknown or not
 * a real one.
 */
export function localTimeText(at: Date | string, timeZone: string | null | undefined): string {
  const date = new Date(at);
  const zoned = zoneFormats(timeZone);
  return `${zoned.moment.format(date)} ${zoneName(zoned, date)}`;
}

const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day as someone entered it ("2026-11-24"): "24 Nov 2026", the same in every zone. */
export function dayText(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : DAY.format(date);
}

/** The day a moment fell on, on the clock of `timeZone` (UTC when unknown): "24 Nov 2026". */
export function localDayText(at: Date | string, timeZone: string | null | undefined): string {
  return zoneFormats(timeZone).day.format(new Date(at));
}
