import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { decodeCursor, encodeCursor, escapeLike, PAGE_SIZE } from "@/lib/paging/keyset";
import { type ProductSummary, summaryOf } from "./find-products";
import type { ProductListQuery, ProductSort } from "./product-list-query";

export type ProductPage = { products: ProductSummary[]; nextCursor: string | null };

type Row = Awaited<ReturnType<Db["product"]["findFirstOrThrow"]>>;

// Each sort is a key and an order; the GTIN (unique) breaks ties, so a page that starts after the
// last (key, GTIN) seen never repeats or skips a product.
const SORTS: Record<
  ProductSort,
  {
    orderBy: Prisma.ProductOrderByWithRelationInput[];
    keyOf: (row: Row) => string;
    after: (key: string, gtin: string) => Prisma.ProductWhereInput;
  }
> = {
  name: {
    orderBy: [{ name: "asc" }, { gtin: "asc" }],
    keyOf: (row) => row.name,
    after: (name, gtin) => ({ OR: [{ name: { gt: name } }, { name, gtin: { gt: gtin } }] }),
  },
  gtin: {
    orderBy: [{ gtin: "asc" }],
    keyOf: (row) => row.gtin,
    after: (_, gtin) => ({ gtin: { gt: gtin } }),
  },
  newest: {
    orderBy: [{ createdAt: "desc" }, { gtin: "desc" }],
    keyOf: (row) => row.createdAt.toISOString(),
    after: (at, gtin) => {
      const createdAt = new Date(at);
      if (Number.isNaN(createdAt.getTime())) return {};
      return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, gtin: { lt: gtin } }] };
    },
  },
};

/**
 * One page of an organisation's products: searched (any part of the name, brand, GTIN or
 * commodity), sorted, read as a keyset page after `query.after`; `nextCursor` is null on the last.
 */
export async function listProducts({
  db,
  organizationId,
  query,
  pageSize = PAGE_SIZE,
}: {
  db: Db;
  organizationId: string;
  query: ProductListQuery;
  pageSize?: number;
}): Promise<ProductPage> {
  const sort = SORTS[query.sort];
  const cursor = decodeCursor(query.after);
  // Prisma passes `contains` to LIKE as it is: a typed % or _ is a character, not a wildcard.
  const text = query.q ? escapeLike(query.q) : "";
  const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });
  const where: Prisma.ProductWhereInput = {
    organizationId,
    AND: [
      query.q
        ? {
            OR: [
              { name: contains(text) },
              { brand: contains(text) },
              { gtin: { contains: text } },
              { commodity: contains(text) },
            ],
          }
        : {},
      // A cursor of another sort (a hand-edited address) is ignored: the first page.
      typeof cursor?.key === "string" ? sort.after(cursor.key, cursor.id) : {},
    ],
  };
  const rows = await db.product.findMany({ where, orderBy: sort.orderBy, take: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    products: page.map(summaryOf),
    nextCursor: rows.length > pageSize && last ? encodeCursor(sort.keyOf(last), last.gtin) : null,
  };
}
