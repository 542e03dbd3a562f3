const MOMENT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A moment as recall pages and notices show it: the same for every reader, wherever the server runs. */
export function formatMoment(date: Date): string {
  return `${MOMENT.format(date)} UTC`;
}
