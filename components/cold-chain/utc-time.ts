const UTC_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "2 Dec, 04:30 UTC": one clock for every holder along the chain. */
export const utcDateText = (at: Date) => `${UTC_TIME.format(at)} UTC`;
export const utcIsoText = (iso: string) => utcDateText(new Date(iso));
