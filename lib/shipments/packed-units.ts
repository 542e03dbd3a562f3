import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { findUnitRecord, type UnitRecord } from "@/lib/logistic-units/find-unit";

/** A pallet as a shipment carries it: its record (lib/logistic-units) and the cases on it. */
export type PackedUnit = UnitRecord & { caseCount: number };

/** Cases on a pallet: the package counts its packing payload lists. */
export function caseCountOf(unit: Pick<UnitRecord, "contents">): number {
  return unit.contents.reduce((sum, lot) => sum + lot.packageCount, 0);
}

/**
 * The pallets with these SSCCs, packed on the ledger or with their packing on its way (a pallet
 * ships right after it is built: one organisation's writes are mined in order). An SSCC never
 * packed, or whose packing the ledger refused, is left out.
 */
export async function findPackedUnits(
  db: Db | Tx,
  ssccs: readonly string[],
): Promise<PackedUnit[]> {
  const records = await Promise.all(ssccs.map((sscc) => findUnitRecord(db, sscc)));
  return records.flatMap((unit) =>
    unit && (unit.isIndexed || unit.packWrite?.status !== "FAILED")
      ? [{ ...unit, caseCount: caseCountOf(unit) }]
      : [],
  );
}
