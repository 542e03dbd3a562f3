import { utcDateText } from "@/components/cold-chain/utc-time";

const RELATIVE = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto", style: "long" });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
];

/** "3 hours ago", "yesterday": how long ago, in the largest unit that reads naturally. */
export function relativeText(at: Date, now = new Date()): string {
  let amount = (at.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return RELATIVE.format(Math.round(amount), unit);
    amount /= size;
  }
  return RELATIVE.format(Math.round(amount), "year");
}

/**
 * When a lot reached its current state: how long ago, to read at a glance; the exact moment (UTC) is
 * its title and the lot row's ledger details.
 */
export function SinceText({ at }: { at: Date }) {
  return (
    <span data-testid="since">
      since{" "}
      <time dateTime={at.toISOString()} title={utcDateText(at)}>
        {relativeText(at)}
      </time>
    </span>
  );
}
