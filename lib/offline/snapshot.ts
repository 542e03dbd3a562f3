import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findIncomingLots, findLotsHeldBy, type LotSummary } from "@/lib/lots/get-lots";
import { findRecallOf } from "@/lib/recall";
import type { OfflineLot, OfflineSnapshot } from "./snapshot-terms";

/**
 * What the member's phone needs to answer a scan offline: the lots shipped to its organisation and
 * the lots it holds (at most 200 of each, newest first, as the home page lists them), each with the
 * recall covering it. Only the organisation's own lots: nothing the member could not open online.
 */
export async function getOfflineSnapshot({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<OfflineSnapshot> {
  const address = member.organization.chainAddress;
  const [incoming, held] = await Promise.all([
    findIncomingLots({ db, recipient: address }),
    findLotsHeldBy({ db, custodian: address }),
  ]);
  const entries = [
    ...incoming.map((lot) => ({ lot, holding: "incoming" as const })),
    ...held.map((lot) => ({ lot, holding: "held" as const })),
  ];
  const lots = await Promise.all(entries.map(({ lot, holding }) => offlineLotOf(db, lot, holding)));
  return {
    takenAt: new Date().toISOString(),
    organization: member.organization.name,
    canWrite: member.role !== "READ_ONLY",
    lots,
  };
}

async function offlineLotOf(
  db: Db,
  lot: LotSummary,
  holding: OfflineLot["holding"],
): Promise<OfflineLot> {
  const recall = await findRecallOf({ db, lotId: lot.id });
  return {
    lotId: lot.id,
    gtin: lot.gtin,
    lotCode: lot.lotCode,
    product: lot.product,
    holding,
    recall: recall && { recallId: recall.id, recalledLotCode: recall.lotCode },
  };
}
