import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";
import { findLotsInPendingWrites, findPackedUnitsOf } from "./lot-availability";

/** The most lots the builder offers: the newest the organisation holds. */
const MAX_OFFERED = 100;

export type PackableLot = {
  id: string;
  lotCode: string;
  product: string;
  quantity: string | null;
  unit: string | null;
  packageCount: number;
};

/**
 * The lots the pallet builder offers: active lots the member's organisation holds, on no packed
 * pallet and in no write on its way, newest first. buildUnit checks each again when asked.
 */
export async function findPackableLots({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<PackableLot[]> {
  const lots = await db.lot.findMany({
    where: { custodian: member.organization.chainAddress, status: "ACTIVE" },
    orderBy: [{ createdBlock: "desc" }, { id: "asc" }],
    take: MAX_OFFERED,
    select: { id: true, lotCode: true, gtin: true, quantity: true, unit: true },
  });
  const ids = lots.map((lot) => lot.id);
  const [inFlight, packed, packages, products] = await Promise.all([
    findLotsInPendingWrites(db, ids),
    findPackedUnitsOf(db, ids),
    db.package.groupBy({ by: ["lotId"], where: { lotId: { in: ids } }, _count: true }),
    findProducts(
      db,
      lots.map((lot) => lot.gtin),
    ),
  ]);
  const counts = new Map(packages.map((row) => [row.lotId, row._count]));
  return lots
    .filter((lot) => !inFlight.has(lot.id) && !packed.has(lot.id))
    .map((lot) => ({
      id: lot.id,
      lotCode: lot.lotCode,
      product: productLabel(products.get(lot.gtin) ?? null, lot.gtin),
      quantity: lot.quantity?.toString() ?? null,
      unit: lot.unit,
      packageCount: counts.get(lot.id) ?? 0,
    }));
}
