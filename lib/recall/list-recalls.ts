import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { decodeCursor, encodeCursor, escapeLike, PAGE_SIZE } from "@/lib/paging/keyset";
import { dayStartIn, nextDay } from "@/lib/text/day-start";
import { type RecallSummary, summariseRecalls } from "./list";
import type { RecallListQuery } from "./recall-list-query";

export type RecallPage = { recalls: RecallSummary[]; nextCursor: string | null };

// Whether the ledger has lifted the recall: its lift's outbox write is confirmed.
const LIFTED = Prisma.sql`EXISTS (SELECT 1 FROM "LedgerTransaction" t
  WHERE t.id = r."liftLedgerTransactionId" AND t.status = 'CONFIRMED')`;
const REFUSED = Prisma.sql`EXISTS (SELECT 1 FROM "LedgerTransaction" t
  WHERE t.id = r."ledgerTransactionId" AND t.status = 'FAILED')`;

const STATES = {
  all: Prisma.empty,
  // In force and not yet accounted for: neither lifted, closed, nor refused by the ledger.
  open: Prisma.sql`r."closedAt" IS NULL AND NOT ${LIFTED} AND NOT ${REFUSED}`,
  closed: Prisma.sql`r."closedAt" IS NOT NULL AND NOT ${LIFTED}`,
  lifted: LIFTED,
};

/**
 * One page of the recalls a member follows (every recall for a regulator; for anyone else those its
 * organisation started or is asked to acknowledge), newest first: filtered by state, class and the
 * days it started on (on the member's clock), searched by lot code or reason, read as a keyset page
 * after `query.after`; `nextCursor` is null on the last page.
 */
export async function listRecalls({
  db,
  member,
  query,
  pageSize = PAGE_SIZE,
}: {
  db: Db;
  member: Member;
  query: RecallListQuery;
  pageSize?: number;
}): Promise<RecallPage> {
  const ours = member.organization.id;
  const timeZone = member.organization.timeZone;
  const cursor = decodeCursor(query.after);
  const pattern = query.search && `%${escapeLike(query.search)}%`;
  // Timestamps are stored as UTC without a zone: compared as such, whatever the session's zone.
  const at = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;
  const conditions = [
    member.organization.kind === "REGULATOR"
      ? Prisma.empty
      : Prisma.sql`(r."initiatedByOrganizationId" = ${ours} OR EXISTS (
          SELECT 1 FROM "RecallAcknowledgement" a
          WHERE a."recallId" = r.id AND a."organizationId" = ${ours}))`,
    STATES[query.state],
    query.severity ? Prisma.sql`r.severity = ${query.severity}::"RecallSeverity"` : Prisma.empty,
    pattern
      ? Prisma.sql`(r."lotCode" ILIKE ${pattern} OR r.reason ILIKE ${pattern})`
      : Prisma.empty,
    query.from
      ? Prisma.sql`r."createdAt" >= ${at(dayStartIn(timeZone, query.from))}`
      : Prisma.empty,
    query.to
      ? Prisma.sql`r."createdAt" < ${at(dayStartIn(timeZone, nextDay(query.to)))}`
      : Prisma.empty,
    typeof cursor?.key === "string" && !Number.isNaN(Date.parse(cursor.key))
      ? Prisma.sql`(r."createdAt", r.id) < (${at(new Date(cursor.key))}, ${cursor.id})`
      : Prisma.empty,
  ].filter((condition) => condition !== Prisma.empty);
  const rows = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT r.id, r."createdAt" FROM "Recall" r
    ${conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${pageSize + 1}`;
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const summaries = await summariseRecalls(
    db,
    ours,
    page.map((row) => row.id),
  );
  return {
    recalls: page.flatMap((row) => summaries.find((s) => s.id === row.id) ?? []),
    nextCursor:
      rows.length > pageSize && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null,
  };
}
