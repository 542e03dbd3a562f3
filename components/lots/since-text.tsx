import { localTimeText } from "@/lib/text/local-time";

// Short for the small units ("30 min ago"); whole words from days on ("yesterday", "last month").
const SHORT = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto", style: "short" });
const LONG = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto", style: "long" });
const format = (amount: number, unit: Intl.RelativeTimeFormatUnit) =>
  (["second", "minute", "hour"].includes(unit) ? SHORT : LONG).format(Math.round(amount), unit);
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
];

/** "3 hr ago", "yesterday": how long ago, in the largest unit that reads naturally. */
export function relativeText(at: Date, now = new Date()): string {
  let amount = (at.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format(amount, unit);
    amount /= size;
  }
  return format(amount, "year");
}

/**
 * When a lot reached its current state: how long ago, to read at a glance; the exact moment (on the
 * reader's clock, its zone named) is its title and the lot row's ledger details.
 */
export function SinceText({ at, timeZone }: { at: Date; timeZone?: string | null }) {
  return (
    <span data-testid="since">
      since{" "}
      <time dateTime={at.toISOString()} title={localTimeText(at, timeZone)}>
        {relativeText(at)}
      </time>
    </span>
  );
}
