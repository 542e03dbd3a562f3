import "server-only";
import type { Db } from "@/lib/db/client";

/** A product (GTIN) as the public sees it: who makes it, and which of its lots are recalled. */
export type ProductSummary = {
  gtin: string;
  lotCount: number;
  producers: string[];
  recalledLotCodes: string[];
};

export async function getProductSummary({
  db,
  gtin,
}: {
  db: Db;
  gtin: string;
}): Promise<ProductSummary | null> {
  const [lotCount, recalled, producerRows] = await Promise.all([
    db.lot.count({ where: { gtin } }),
    db.lot.findMany({
      where: { gtin, status: "RECALLED" },
      select: { lotCode: true },
      orderBy: { lotCode: "asc" },
    }),
    db.lot.findMany({ where: { gtin }, select: { producer: true }, distinct: ["producer"] }),
  ]);
  if (lotCount === 0) return null;
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: producerRows.map((row) => row.producer) } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    gtin,
    lotCount,
    producers: organizations.map((o) => o.name),
    recalledLotCodes: recalled.map((lot) => lot.lotCode),
  };
}
