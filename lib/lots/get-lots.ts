import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { type LotSummary, summariseLots } from "./lot-summary";

export type { LotSummary } from "./lot-summary";

/** Lots an organisation holds now, newest first (at most 200; the lots page pages with listLots). */
export function findLotsHeldBy({
  db,
  custodian,
}: {
  db: Db;
  custodian: string;
}): Promise<LotSummary[]> {
  return findLots(db, { custodian });
}

/** Lots shipped to an organisation that it has not accepted or rejected yet. */
export function findIncomingLots({
  db,
  recipient,
}: {
  db: Db;
  recipient: string;
}): Promise<LotSummary[]> {
  return findLots(db, { recipient, status: "IN_TRANSIT" });
}

async function findLots(db: Db, where: Prisma.LotWhereInput): Promise<LotSummary[]> {
  const lots = await db.lot.findMany({
    where,
    orderBy: [{ createdBlock: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: { id: true },
  });
  return summariseLots(
    db,
    lots.map((lot) => lot.id),
  );
}
