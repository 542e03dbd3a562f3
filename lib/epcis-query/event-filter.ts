import { Prisma } from "@/lib/db/generated/client";
import type { PageAfter } from "./page-token";
import type { EventQuery } from "./query-params";

// The WHERE and ORDER BY of an event query on the EpcisEvent table. Each filter is answered by one
// of the table's indexes (identifiers by the GIN indexes on epcs and epcClasses, words by their
// b-tree indexes, times by (eventTime, id) and (recordTime, id)); the exact field an EPC or class
// must be in is then checked on the few rows the index found.

const anyOf = (column: string, values: string[]) =>
  Prisma.sql`${Prisma.raw(`"${column}"`)} = ANY(${values}::text[])`;

/** Whether any of `fields` (arrays of strings in the document) holds one of `values`. */
const inFields = (fields: string[], values: string[]) =>
  Prisma.join(
    fields.map((f) => Prisma.sql`COALESCE(document->${f}, '[]'::jsonb) ?| ${values}::text[]`),
    " OR ",
  );

/** Whether any of the quantity lists `fields` has an element whose epcClass is one of `values`. */
const classIn = (fields: string[], values: string[]) =>
  Prisma.join(
    fields.map(
      (f) => Prisma.sql`EXISTS (SELECT 1 FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(document->${f}) = 'array' THEN document->${f} ELSE '[]'::jsonb END) q
        WHERE q->>'epcClass' = ANY(${values}::text[]))`,
    ),
    " OR ",
  );

export function whereOf(query: EventQuery): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  const q = query;
  if (q.eventTypes) where.push(anyOf("type", q.eventTypes));
  if (q.actions) where.push(anyOf("action", q.actions));
  if (q.bizSteps) where.push(anyOf("bizStep", q.bizSteps));
  if (q.dispositions) where.push(anyOf("disposition", q.dispositions));
  if (q.readPoints) where.push(anyOf("readPoint", q.readPoints));
  if (q.bizLocations) where.push(anyOf("bizLocation", q.bizLocations));
  if (q.eventIds) where.push(anyOf("eventId", q.eventIds));
  for (const field of ["eventTime", "recordTime"] as const) {
    const column = Prisma.raw(`"${field}"`);
    if (q[field].ge) where.push(Prisma.sql`${column} >= ${q[field].ge}`);
    if (q[field].lt) where.push(Prisma.sql`${column} < ${q[field].lt}`);
  }
  if (q.epcs) {
    where.push(Prisma.sql`epcs && ${q.epcs}::text[]`);
    where.push(Prisma.sql`(${inFields(["epcList", "childEPCs"], q.epcs)})`);
  }
  if (q.anyEpcs) where.push(Prisma.sql`epcs && ${q.anyEpcs}::text[]`);
  if (q.epcClasses) {
    where.push(Prisma.sql`"epcClasses" && ${q.epcClasses}::text[]`);
    where.push(Prisma.sql`(${classIn(["quantityList", "childQuantityList"], q.epcClasses)})`);
  }
  if (q.anyEpcClasses) where.push(Prisma.sql`"epcClasses" && ${q.anyEpcClasses}::text[]`);
  return where;
}

/** The keyset: rows strictly after the page's last one, in the query's order. */
export function afterOf(query: EventQuery, after: PageAfter | null): Prisma.Sql[] {
  if (!after) return [];
  const column = Prisma.raw(`"${query.orderBy}"`);
  return query.orderDirection === "ASC"
    ? [Prisma.sql`(${column}, id) > (${after.time}, ${after.id})`]
    : [Prisma.sql`(${column}, id) < (${after.time}, ${after.id})`];
}

export function orderOf(query: EventQuery): Prisma.Sql {
  const direction = query.orderDirection;
  return Prisma.raw(`"${query.orderBy}" ${direction}, id ${direction}`);
}

export const conjunction = (parts: Prisma.Sql[]) =>
  parts.length ? Prisma.sql`WHERE ${Prisma.join(parts, " AND ")}` : Prisma.empty;
