import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor } from "@/lib/paging/keyset";
import { findVisibleLotSet, visibleLotsSql } from "./visible-lots";

// The bindings' top-level listings (/epcis/bizSteps, /epcis/epcs, …): the distinct values of one
// field among the events the caller may see, in order, a page at a time (the token is the last
// value shown). The caller's visible lots are gathered once (lib/epcis-query/visible-lots.ts).

export const LISTINGS = {
  bizSteps: Prisma.sql`"bizStep"`,
  dispositions: Prisma.sql`disposition`,
  readPoints: Prisma.sql`"readPoint"`,
  bizLocations: Prisma.sql`"bizLocation"`,
  epcs: Prisma.sql`unnest(epcs)`,
} as const;
export type Listing = keyof typeof LISTINGS;

/** Which events the member may see: by its lot set when it has one, else by the set's SQL. */
async function visibleOf(db: Db, member: Pick<Member, "organization">): Promise<Prisma.Sql> {
  if (member.organization.kind === "REGULATOR") return Prisma.sql`TRUE`;
  const lotSet = await findVisibleLotSet(db, member);
  const onVisibleLot = lotSet
    ? Prisma.sql`EXISTS (SELECT 1 FROM unnest(e."lotIds") lot WHERE lot = ANY(${lotSet}::text[]))`
    : Prisma.sql`e."lotIds" && ARRAY(${visibleLotsSql(member)})`;
  return Prisma.sql`(e."organizationId" = ${member.organization.id} OR ${onVisibleLot})`;
}

export async function listEpcisValues({
  db,
  member,
  listing,
  perPage,
  token,
}: {
  db: Db;
  member: Pick<Member, "organization">;
  listing: Listing;
  perPage: number;
  token: string | null;
}): Promise<{ member: string[]; nextPageToken: string | null }> {
  const after = token === null ? null : decodeCursor(token);
  if (token !== null && typeof after?.key !== "string") {
    throw new AppError(
      "INVALID_INPUT",
      "nextPageToken is not one LotLedger gave for this listing: ask again without it.",
      { field: "nextPageToken" },
    );
  }
  const rows = await db.$queryRaw<{ value: string }[]>`
    SELECT DISTINCT v.value FROM "EpcisEvent" e, LATERAL (SELECT ${LISTINGS[listing]} AS value) v
    WHERE v.value IS NOT NULL AND ${await visibleOf(db, member)}
      ${after ? Prisma.sql`AND v.value > ${after.key}` : Prisma.empty}
    ORDER BY v.value LIMIT ${perPage + 1}`;
  const values = rows.slice(0, perPage).map((r) => r.value);
  const last = values.at(-1);
  return {
    member: values,
    nextPageToken: rows.length > perPage && last ? encodeCursor(last, "") : null,
  };
}
