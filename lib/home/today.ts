import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { dayStartIn } from "@/lib/text/day-start";
import { type HomeLot, SECTION_SIZE, toHomeLots } from "./home-lot";

/** The zone a member's home reads its days in: their organisation's place, else UTC. */
export function homeTimeZone(member: Member): string {
  return member.organization.timeZone ?? "UTC";
}

/** The instant the calendar day of `now` began in `timeZone` (DST days included). */
export function startOfDayIn(timeZone: string, now = new Date()): Date {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone }).format(now); // YYYY-MM-DD
  return dayStartIn(timeZone, day);
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
