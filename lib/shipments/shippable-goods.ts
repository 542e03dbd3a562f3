import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";

export type ShippablePallet = { sscc: string; lotCount: number; caseCount: number };
export type ShippableLot = {
  id: string;
  lotCode: string;
  product: string;
  quantity: string | null;
  unit: string | null;
};

const LIMIT = 100;

/**
 * What the ship form offers: the pallets whose every lot the organisation holds and is active
 * (packed on the ledger, or with the packing on its way), and its active lots on no pallet.
 */
export async function findShippableGoods({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<{ pallets: ShippablePallet[]; lots: ShippableLot[] }> {
  const me = member.organization.chainAddress;
  const pallets = await db.$queryRaw<{ sscc: string; lotIds: string[] }[]>`
    WITH units AS (
      SELECT u.sscc, u."lotIds" FROM "LogisticUnit" u WHERE u."unpackedTxHash" IS NULL
      UNION ALL
      SELECT lpad(t.args->>0, 18, '0'), ARRAY(SELECT jsonb_array_elements_text(t.args->1))
      FROM "LedgerTransaction" t
      WHERE t.method = 'packUnit' AND t.status <> 'FAILED'
        AND t."organizationId" = ${member.organization.id}
        AND NOT EXISTS (SELECT 1 FROM "LogisticUnit" u WHERE u.sscc = lpad(t.args->>0, 18, '0'))
    )
    SELECT sscc, "lotIds" FROM units
    WHERE NOT EXISTS (
      SELECT 1 FROM unnest("lotIds") AS packed(lot_id) LEFT JOIN "Lot" l ON l.id = packed.lot_id
      WHERE l.custodian IS DISTINCT FROM ${me} OR l.status <> 'ACTIVE')
    ORDER BY sscc LIMIT ${LIMIT}`;
  const packed = new Set(pallets.flatMap((pallet) => pallet.lotIds));
  const [lots, packages] = await Promise.all([
    db.lot.findMany({
      where: { custodian: me, status: "ACTIVE", id: { notIn: [...packed] } },
      orderBy: [{ createdBlock: "desc" }, { id: "asc" }],
      take: LIMIT,
      select: { id: true, gtin: true, lotCode: true, quantity: true, unit: true },
    }),
    db.package.groupBy({ by: ["lotId"], where: { lotId: { in: [...packed] } }, _count: true }),
  ]);
  const products = await findProducts(
    db,
    lots.map((lot) => lot.gtin),
  );
  const cases = new Map(packages.map((row) => [row.lotId, row._count]));
  return {
    pallets: pallets.map(({ sscc, lotIds }) => ({
      sscc,
      lotCount: lotIds.length,
      caseCount: lotIds.reduce((sum, id) => sum + (cases.get(id) ?? 0), 0),
    })),
    lots: lots.map((lot) => ({
      id: lot.id,
      lotCode: lot.lotCode,
      product: productLabel(products.get(lot.gtin) ?? null, lot.gtin),
      quantity: lot.quantity?.toString() ?? null,
      unit: lot.unit,
    })),
  };
}
