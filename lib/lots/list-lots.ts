import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { decodeCursor, encodeCursor, escapeLike, PAGE_SIZE } from "@/lib/paging/keyset";
import { productLabel } from "@/lib/products";
import type { LotListQuery } from "./lot-list-query";
import { type LotSummary, summariseLots } from "./lot-summary";

/** Whose lots: those an organisation holds (custodian), or those on their way to it (recipient). */
export type LotListScope = { custodian: string } | { recipient: string };

export type LotPage = { lots: LotSummary[]; nextCursor: string | null };

type Row = { id: string; key: string | number };

// Each sort is a key and an order; the id breaks ties, so (key, id) is unique and a page that starts
// after the last (key, id) seen never repeats or skips a lot, whatever is recorded in between.
const SORTS = {
  newest: { key: Prisma.sql`l."createdBlock"`, desc: true, type: "number" },
  oldest: { key: Prisma.sql`l."createdBlock"`, desc: false, type: "number" },
  lot: { key: Prisma.sql`l."lotCode"`, desc: false, type: "string" },
  product: { key: Prisma.sql`coalesce(p.name, '')`, desc: false, type: "string" },
} as const;

/**
 * One page of a lots list: searched (lot code, GTIN, product name or brand), filtered (status,
 * product, place), sorted, and read as a keyset page after `query.after`. Used-up lots are left out
 * unless asked for (`usedUp`, or the CONSUMED status). The page's lots come with what a card shows
 * (summariseLots); `nextCursor` is null on the last page.
 */
export async function listLots({
  db,
  scope,
  query,
  pageSize = PAGE_SIZE,
}: {
  db: Db;
  scope: LotListScope;
  query: LotListQuery;
  pageSize?: number;
}): Promise<LotPage> {
  const sort = SORTS[query.sort];
  // A cursor of another sort (a hand-edited address) is ignored: the first page, not an error.
  const cursor = [decodeCursor(query.after)].find((c) => typeof c?.key === sort.type) ?? null;
  const conditions = [
    "custodian" in scope
      ? Prisma.sql`l.custodian = ${scope.custodian}`
      : Prisma.sql`l.recipient = ${scope.recipient} AND l.status = 'IN_TRANSIT'`,
    query.status
      ? Prisma.sql`l.status = ${query.status}::"LotStatus"`
      : query.usedUp
        ? Prisma.empty
        : Prisma.sql`l.status <> 'CONSUMED'`,
    query.product ? Prisma.sql`l.gtin = ${query.product}` : Prisma.empty,
    query.q ? await searchCondition(db, query.q) : Prisma.empty,
    query.place ? placeCondition(query.place) : Prisma.empty,
    cursor ? afterCondition(sort, cursor) : Prisma.empty,
  ].filter((condition) => condition !== Prisma.empty);
  const direction = sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT l.id, ${sort.key} AS key
    FROM "Lot" l ${query.sort === "product" ? Prisma.sql`LEFT JOIN "Product" p ON p.gtin = l.gtin` : Prisma.empty}
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${sort.key} ${direction}, l.id ${direction}
    LIMIT ${pageSize + 1}`;
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    lots: await summariseLots(
      db,
      page.map((row) => row.id),
    ),
    nextCursor: rows.length > pageSize && last ? encodeCursor(last.key, last.id) : null,
  };
}

function afterCondition(
  sort: (typeof SORTS)[keyof typeof SORTS],
  cursor: { key: string | number; id: string },
) {
  return sort.desc
    ? Prisma.sql`(${sort.key}, l.id) < (${cursor.key}, ${cursor.id})`
    : Prisma.sql`(${sort.key}, l.id) > (${cursor.key}, ${cursor.id})`;
}

/**
 * Any part of a lot code or GTIN, or of the name or brand of the lot's product. The products are
 * looked up first, so every branch is on the lot's own columns and PostgreSQL can answer a rare
 * match from the trigram indexes (a BitmapOr) instead of reading every lot the organisation holds.
 */
async function searchCondition(db: Db, q: string) {
  const pattern = `%${escapeLike(q)}%`;
  const products = await db.$queryRaw<{ gtin: string }[]>`
    SELECT gtin FROM "Product" WHERE name ILIKE ${pattern} OR brand ILIKE ${pattern} LIMIT 1000`;
  const gtins = products.map((product) => product.gtin);
  return Prisma.sql`(l."lotCode" ILIKE ${pattern} OR l.gtin LIKE ${pattern}
    OR l.gtin = ANY(${gtins}::text[]))`;
}

/** The lot's latest located event happened at this GLN (its place, as summariseLots shows it). */
function placeCondition(gln: string) {
  return Prisma.sql`(
    SELECT right(body.body->'bizLocation'->>'id', 13)
    FROM "LedgerEvent" e JOIN "EventPayload" body ON body.hash = e."payloadHash"
    WHERE e."lotId" = l.id AND body.body ? 'bizLocation'
    ORDER BY e."blockNumber" DESC, e."logIndex" DESC LIMIT 1
  ) = ${gln}`;
}

/**
 * What the list's filters offer: the described products the organisation holds lots of (one index
 * probe per product, not a pass over its lots), and its own sites.
 */
export async function findLotListChoices({
  db,
  custodian,
  organizationId,
}: {
  db: Db;
  custodian: string;
  organizationId: string;
}): Promise<{
  products: { gtin: string; label: string }[];
  places: { gln: string; name: string }[];
}> {
  const [products, places] = await Promise.all([
    db.$queryRaw<{ gtin: string; name: string; brand: string | null }[]>`
      SELECT p.gtin, p.name, p.brand FROM "Product" p
      WHERE EXISTS (SELECT 1 FROM "Lot" l WHERE l.gtin = p.gtin AND l.custodian = ${custodian})
      ORDER BY p.name, p.gtin`,
    db.location.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      select: { gln: true, name: true },
    }),
  ]);
  return {
    products: products.map((p) => ({ gtin: p.gtin, label: productLabel(p, p.gtin) })),
    places,
  };
}
