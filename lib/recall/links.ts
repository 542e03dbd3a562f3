import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { canSeeLot } from "@/lib/lots/visibility";
import { traceBack, traceForward } from "@/lib/trace";
import { findRecallOf } from "./in-force";

/** A lot of the member's that a recalled lot was made from, and the recall covering it, if any. */
export type SourceLot = {
  id: string;
  lotCode: string;
  gtin: string;
  status: string;
  /** The recall that covers it now (its own, or its ancestor's), once it has been extended to it. */
  recallId: string | null;
};

export type RecallLinks = {
  /** The recall this one extends to its source. */
  linkedFrom: { id: string; lotCode: string } | null;
  /** The recalls extending this one to lots it was made from. */
  extensions: { id: string; lotCode: string }[];
  /** The member's organisation's lots the recalled lot was made from, up the lineage. */
  sourceLots: SourceLot[];
};

/** How a recall links to others, and which of the member's lots are its source. */
export async function getRecallLinks({
  db,
  member,
  recall,
}: {
  db: Db;
  member: Member;
  recall: { id: string; lotId: string; linkedFromRecallId: string | null };
}): Promise<RecallLinks> {
  const [linkedFrom, extensions, sourceLots] = await Promise.all([
    recall.linkedFromRecallId
      ? db.recall.findUnique({
          where: { id: recall.linkedFromRecallId },
          select: { id: true, lotCode: true },
        })
      : null,
    db.recall.findMany({
      where: { linkedFromRecallId: recall.id },
      select: { id: true, lotCode: true },
      orderBy: { createdAt: "asc" },
    }),
    findSourceLotsOf({ db, member, lotId: recall.lotId }),
  ]);
  return { linkedFrom, extensions, sourceLots };
}

/**
 * The lots the lot was made from, through any number of steps, that the member's organisation
 * produced (its harvest behind a packed lot): what it may extend a recall to.
 */
export async function findSourceLotsOf({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  lotId: string;
}): Promise<SourceLot[]> {
  const back = await traceBack({ db, lotId });
  const ids = (back?.lots ?? []).filter((lot) => lot.id !== lotId).map((lot) => lot.id);
  if (ids.length === 0) return [];
  const ours = await db.lot.findMany({
    where: {
      id: { in: ids },
      producer: { equals: member.organization.chainAddress, mode: "insensitive" },
    },
    select: { id: true, lotCode: true, gtin: true, status: true },
    orderBy: [{ gtin: "asc" }, { lotCode: "asc" }],
  });
  return Promise.all(
    ours.map(async (lot) => {
      const covering = await findRecallOf({ db, lotId: lot.id });
      // A recall of it the indexer has not read yet leaves it ACTIVE for a moment: its row says more.
      const own = await db.recall.findFirst({
        where: { lotId: lot.id, closedAt: null },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      return { ...lot, recallId: covering?.id ?? own?.id ?? null };
    }),
  );
}

/**
 * The recalls of lots made from this one (not of the lot itself), for a member who may see it: on
 * the source's own lot page, "source of a recalled lot". Nearest first.
 */
export async function findRecallsMadeFrom({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<{ recallId: string; lotCode: string }[]> {
  if (!(await canSeeLot({ db, member, lotId }))) return [];
  const forward = await traceForward({ db, lotId });
  const recalled = (forward?.lots ?? []).filter(
    (lot) => lot.id !== lotId && lot.status === "RECALLED",
  );
  const found = await Promise.all(
    recalled.map(async (lot) => {
      const recall = await findRecallOf({ db, lotId: lot.id });
      return recall?.id && recall.lotId === lot.id
        ? [{ recallId: recall.id, lotCode: lot.lotCode }]
        : [];
    }),
  );
  return found.flat();
}
