import "server-only";
import type { Db } from "@/lib/db/client";
import { type HomeLot, SECTION_SIZE, toHomeLots } from "./home-lot";

/** The IANA zone of the organisation's main site (its first location), else UTC. */
export async function findHomeTimeZone(db: Db, organizationId: string): Promise<string> {
  const site = await db.location.findFirst({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { timeZone: true },
  });
  return site?.timeZone ?? "UTC";
}

/** The instant the calendar day of `now` began in `timeZone` (DST days included). */
export function startOfDayIn(timeZone: string, now = new Date()): Date {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  // The zone's wall clock at an instant, read as if it were UTC.
  const wallAsUtc = (date: Date) => {
    const parts = format.formatToParts(date);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(
      part("year"),
      part("month") - 1,
      part("day"),
      part("hour"),
      part("minute"),
      part("second"),
    );
  };
  const today = new Date(wallAsUtc(now));
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  // Midnight's own offset, which differs from now's on a day the clocks change: guess, then correct.
  let guess = midnight - (wallAsUtc(now) - Math.floor(now.getTime() / 1000) * 1000);
  guess = midnight - (wallAsUtc(new Date(guess)) - guess);
  return new Date(guess);
}

/**
 * Lots the organisation registered (harvested, packed, made) since midnight at its site, newest
 * first: what a farm, packhouse or kitchen did today.
 */
export async function findTodaysLots(
  db: Db,
  { address, since }: { address: string; since: Date },
): Promise<{ items: HomeLot[]; total: number }> {
  const where = { producer: address, createdAt: { gte: since } };
  const [rows, total] = await Promise.all([
    db.lot.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: SECTION_SIZE,
      select: {
        id: true,
        gtin: true,
        lotCode: true,
        quantity: true,
        unit: true,
        status: true,
        createdAt: true,
      },
    }),
    db.lot.count({ where }),
  ]);
  const lots = await toHomeLots(
    db,
    rows.map(({ createdAt, ...row }) => ({ ...row, at: createdAt, partyAddress: null })),
  );
  return { items: lots, total };
}
