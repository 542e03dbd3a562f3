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
    recalledLotsOf(db, gtin),
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

/**
 * The lots of a product that are recalled, or made from a recalled lot (of any product): walked
 * forward from the few recalled lots, which the status index finds.
 */
function recalledLotsOf(db: Db, gtin: string): Promise<Array<{ lotCode: string }>> {
  return db.$queryRaw<Array<{ lotCode: string }>>`
    WITH RECURSIVE affected(id) AS (
      SELECT id FROM "Lot" WHERE status = 'RECALLED'
      UNION
      SELECT l."childId" FROM "LotLineage" l JOIN affected a ON l."parentId" = a.id
    )
    SELECT lot."lotCode" FROM affected JOIN "Lot" lot ON lot.id = affected.id
    WHERE lot.gtin = ${gtin} ORDER BY lot."lotCode"`;
}
