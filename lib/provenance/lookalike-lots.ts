import "server-only";
import type { Db } from "@/lib/db/client";
import { findRecalledAncestor } from "@/lib/trace";
import { canonicalPath } from "./digital-link";
import { LOOKALIKE_FROM, LOOKALIKE_TO, lookalikeKey } from "./lookalike-key";

/** A lot offered as "did you mean", with the resolver path of its page. */
export type LookalikeLot = { lotCode: string; path: string; isRecalled: boolean };

const MAX_LOOKALIKES = 5;

/**
 * The lots of this GTIN whose codes read like `lotCode` but are not it (case, O/0, I/L/1, S/5, B/8),
 * recalled ones (or made from a recalled lot) first: what the not-found page offers as "did you
 * mean". Only lots of the GTIN asked about that exist on the ledger, and only those one typo away
 * from what was typed — never a list to browse.
 */
export async function findLookalikeLots({
  db,
  gtin,
  lotCode,
}: {
  db: Db;
  gtin: string;
  lotCode: string;
}): Promise<LookalikeLot[]> {
  const rows = await db.$queryRaw<Array<{ id: string; lotCode: string }>>`
    SELECT id, "lotCode" FROM "Lot"
    WHERE gtin = ${gtin} AND "lotCode" <> ${lotCode}
      AND translate(upper("lotCode"), ${LOOKALIKE_FROM}, ${LOOKALIKE_TO}) = ${lookalikeKey(lotCode)}
    ORDER BY "lotCode" LIMIT ${MAX_LOOKALIKES}`;
  const lots = await Promise.all(
    rows.map(async (row) => ({
      lotCode: row.lotCode,
      path: canonicalPath({ "01": gtin, "10": row.lotCode }),
      isRecalled: (await findRecalledAncestor({ db, lotId: row.id })) !== null,
    })),
  );
  return lots.sort((a, b) => Number(b.isRecalled) - Number(a.isRecalled));
}
