import "server-only";
import type { Db, Tx } from "@/lib/db/client";

/**
 * The lots of `lotIds` that a ledger write still on its way names anywhere in its arguments: a
 * batch write (a pallet, a shipment) names many lots but concerns one in its `lotId` column, and a
 * second write would be judged against a state about to change.
 */
export async function findLotsInPendingWrites(
  db: Db | Tx,
  lotIds: readonly string[],
): Promise<Set<string>> {
  if (lotIds.length === 0) return new Set();
  const rows = await db.$queryRaw<{ lotId: string }[]>`
    SELECT "lotId" FROM "LedgerTransaction"
      WHERE status IN ('PENDING', 'SIGNED') AND "lotId" = ANY(${lotIds}::text[])
    UNION
    SELECT value #>> '{}' FROM "LedgerTransaction", jsonb_path_query(args, 'strict $.**') AS value
      WHERE status IN ('PENDING', 'SIGNED') AND jsonb_typeof(value) = 'string'
        AND value #>> '{}' = ANY(${lotIds}::text[])`;
  return new Set(rows.map((row) => row.lotId));
}

/** The packed (not taken apart) logistic unit each of `lotIds` is on, by lot: its SSCC. */
export async function findPackedUnitsOf(
  db: Db | Tx,
  lotIds: readonly string[],
): Promise<Map<string, string>> {
  if (lotIds.length === 0) return new Map();
  const units = await db.logisticUnit.findMany({
    where: { unpackedTxHash: null, lotIds: { hasSome: [...lotIds] } },
    select: { sscc: true, lotIds: true },
  });
  const wanted = new Set(lotIds);
  return new Map(
    units.flatMap((unit) =>
      unit.lotIds.filter((id) => wanted.has(id)).map((id) => [id, unit.sscc]),
    ),
  );
}
