import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { eventVisibility } from "./caller-visibility";
import { afterOf, conjunction, orderOf, whereOf } from "./event-filter";
import type { PageAfter } from "./page-token";
import type { EventQuery } from "./query-params";
import { findVisibleLotSet } from "./visible-lots";

type Candidate = { id: string; key: Date; organizationId: string; lotIds: string[] };
export type EventPage = {
  events: Record<string, unknown>[];
  /** Where the next page starts, while there may be more. */
  next: PageAfter | null;
  /** The last event this page read past (shown, or read and not the caller's): a subscription's cursor. */
  reached: PageAfter | null;
};

/**
 * The most candidates one request reads for a caller who may see few of them: the page then ends
 * early, with a nextPageToken after the last candidate read (the bindings let a page hold fewer than
 * perPage events), so a query over a million events the caller cannot see stays fast.
 */
const MAX_CANDIDATES = 8_000;
const MAX_CHUNK = 2_000;

/**
 * One page of the events the query finds and the member may see, in the query's order. Candidates
 * come from the table's indexes; the member's visible lots (one set per organisation, while it is
 * not huge) filter them in the same query, else the visibility rule is asked for each chunk's lots;
 * the documents of the page's events are read last.
 */
export async function findEpcisEvents({
  db,
  member,
  query,
  perPage,
  after,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  query: EventQuery;
  perPage: number;
  after: PageAfter | null;
}): Promise<EventPage> {
  const visibility = eventVisibility({ db, member });
  const where = whereOf(query);
  const lotSet = visibility.isRegulator ? null : await findVisibleLotSet(db, member);
  if (lotSet) {
    where.push(Prisma.sql`("organizationId" = ${member.organization.id}
      OR EXISTS (SELECT 1 FROM unnest("lotIds") lot WHERE lot = ANY(${lotSet}::text[])))`);
  }
  const isFiltered = visibility.isRegulator || lotSet !== null;
  const page: Candidate[] = [];
  let cursor = after;
  let chunk = isFiltered ? perPage + 1 : Math.min((perPage + 1) * 4, MAX_CHUNK);
  let read = 0;
  while (page.length <= perPage) {
    const candidates = await db.$queryRaw<Candidate[]>`
      SELECT id, ${Prisma.raw(`"${query.orderBy}"`)} AS key, "organizationId", "lotIds"
      FROM "EpcisEvent" ${conjunction([...where, ...afterOf(query, cursor)])}
      ORDER BY ${orderOf(query)} LIMIT ${chunk}`;
    page.push(...(isFiltered ? candidates : await visibility.filter(candidates)));
    read += candidates.length;
    const last = candidates.at(-1);
    if (last) cursor = { time: last.key, id: last.id };
    if (candidates.length < chunk) break;
    if (read >= MAX_CANDIDATES && page.length <= perPage) {
      return { events: await documentsOf(db, page), next: cursor, reached: cursor };
    }
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
  const shown = page.slice(0, perPage);
  const last = shown.at(-1);
  const next = page.length > perPage && last ? { time: last.key, id: last.id } : null;
  return { events: await documentsOf(db, shown), next, reached: next ?? cursor };
}

async function documentsOf(db: Db, rows: Candidate[]): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const documents = await db.epcisEvent.findMany({
    where: { id: { in: rows.map((r) => r.id) } },
    select: { id: true, document: true },
  });
  const byId = new Map(documents.map((d) => [d.id, d.document as Record<string, unknown>]));
  return rows.map((r) => byId.get(r.id) as Record<string, unknown>);
}
