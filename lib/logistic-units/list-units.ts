import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { ssccFromUint64 } from "@/lib/gs1/sscc";
import { getUnit, type UnitView } from "./get-unit";

/** The most pallets the list shows: the newest ones built, then the ones held. */
const MAX_LISTED = 30;

export type UnitListItem = UnitView;

/**
 * The pallets the member's organisation built (newest first, refused ones for a day) or holds or is
 * being sent (packed, not taken apart), each as its page shows it.
 */
export async function listUnits({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<UnitListItem[]> {
  const me = member.organization.chainAddress;
  const [built, held] = await Promise.all([
    db.$queryRaw<{ sscc: string }[]>`
      SELECT args->>0 AS sscc FROM "LedgerTransaction"
      WHERE "organizationId" = ${member.organization.id} AND method = 'packUnit'
        AND (status <> 'FAILED' OR "updatedAt" > now() - interval '1 day')
      ORDER BY "createdAt" DESC LIMIT ${MAX_LISTED}`,
    db.$queryRaw<{ sscc: string }[]>`
      SELECT u.sscc FROM "LogisticUnit" u
      WHERE u."unpackedTxHash" IS NULL AND EXISTS (
        SELECT 1 FROM "Lot" l
        WHERE l.id = ANY(u."lotIds") AND (l.custodian = ${me} OR l.recipient = ${me}))
      ORDER BY u."packedBlock" DESC LIMIT ${MAX_LISTED}`,
  ]);
  const ssccs = [...new Set([...built, ...held].map((row) => ssccFromUint64(row.sscc)))];
  const units = await Promise.all(
    ssccs.slice(0, MAX_LISTED).map((sscc) => getUnit({ db, member, sscc })),
  );
  return units.filter((unit): unit is UnitView => unit !== null);
}
