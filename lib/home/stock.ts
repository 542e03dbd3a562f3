import "server-only";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";

/** How much of one product the organisation holds, in one unit (units are never added together). */
export type ProductStock = {
  gtin: string;
  product: string;
  unit: string | null;
  /** The sum of its lots' quantities; null when none of them recorded one. */
  quantity: string | null;
  lots: number;
};

/** The organisation's active stock (held, not recalled, not used up), per product and unit. */
export async function findStockByProduct(db: Db, address: string): Promise<ProductStock[]> {
  const rows = await db.$queryRaw<
    { gtin: string; unit: string | null; quantity: { toString(): string } | null; lots: number }[]
  >`
    SELECT gtin, unit, sum(quantity) AS quantity, count(*)::int AS lots
    FROM "Lot"
    WHERE custodian = ${address} AND status = 'ACTIVE'
    GROUP BY gtin, unit
    ORDER BY count(*) DESC, gtin
    LIMIT 100`;
  const products = await findProducts(
    db,
    rows.map((row) => row.gtin),
  );
  return rows
    .map((row) => ({
      gtin: row.gtin,
      product: productLabel(products.get(row.gtin) ?? null, row.gtin),
      unit: row.unit,
      quantity: row.quantity === null ? null : row.quantity.toString(),
      lots: row.lots,
    }))
    .sort((a, b) => a.product.localeCompare(b.product));
}
