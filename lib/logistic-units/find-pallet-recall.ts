import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findVisibleLotIds } from "@/lib/lots/visibility";
import { findProducts, productLabel } from "@/lib/products";
import { findScanRecall } from "@/lib/recall";
import { findUnitRecord } from "./find-unit";

/** A recalled lot on a scanned pallet: what the person pulling it compares with the label. */
export type LotToPull = {
  lotId: string;
  gtin: string;
  lotCode: string;
  product: string | null;
  recalledLotCode: string;
};

/**
 * The recalled lots on a packed pallet (recalled themselves or made from a recalled lot), among
 * those the member may see; empty for a pallet taken apart, one the ledger does not have yet, or
 * one carrying nothing recalled. A scan of its SSCC then shows the full-screen recall alert.
 */
export async function findPalletRecall({
  db,
  member,
  sscc,
}: {
  db: Db;
  member: Member;
  sscc: string;
}): Promise<LotToPull[]> {
  const unit = await findUnitRecord(db, sscc);
  if (!unit?.isIndexed || unit.isTakenApart) return [];
  const visible = await findVisibleLotIds({ db, member, lotIds: unit.lotIds });
  const lots = await db.lot.findMany({
    where: { id: { in: unit.lotIds.filter((id) => visible.has(id)) } },
    select: { id: true, gtin: true, lotCode: true, custodian: true, recipient: true },
  });
  const recalls = await Promise.all(
    lots.map((lot) => findScanRecall({ db, member, lotId: lot.id, lot, serial: null })),
  );
  const products = await findProducts(
    db,
    lots.map((lot) => lot.gtin),
  );
  return lots.flatMap((lot, i) => {
    const recall = recalls[i];
    if (!recall) return [];
    const product = products.get(lot.gtin) ?? null;
    return [
      {
        lotId: lot.id,
        gtin: lot.gtin,
        lotCode: lot.lotCode,
        product: product ? productLabel(product, lot.gtin) : null,
        recalledLotCode: recall.recalledLotCode,
      },
    ];
  });
}
