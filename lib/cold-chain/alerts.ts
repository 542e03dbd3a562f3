import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findProducts } from "@/lib/products";
import { getColdChain, storageRangeOf } from "./batches";

/** A batch of a lot the member holds or is receiving that spent too long outside its range. */
export type ColdChainAlert = {
  lotId: string;
  lotCode: string;
  /** "Outside its range for 47 min (max 14.2 °C)". */
  sentence: string;
  recordedBy: string;
  /** The lot is on its way to the member: it has not accepted it yet. */
  isIncoming: boolean;
};

/**
 * The excursions the member's organisation must hear of: in the cold chain of each lot it holds, and
 * of each lot shipped to it that it has not accepted yet (the next recipient decides whether to take
 * it). Only batches longer outside their product's range than it allows.
 */
export async function findColdChainAlerts({
  db,
  member,
}: {
  db: Db;
  member: Pick<Member, "organization">;
}): Promise<ColdChainAlert[]> {
  const me = member.organization.chainAddress;
  const lots = await db.lot.findMany({
    where: {
      OR: [
        { custodian: me, status: { not: "CONSUMED" } },
        { recipient: me, status: "IN_TRANSIT" },
      ],
    },
    select: { id: true, gtin: true, lotCode: true, custodian: true, recipient: true },
  });
  const products = await findProducts(
    db,
    lots.map((lot) => lot.gtin),
  );
  // Only lots with a reading outside their range are read in full, Merkle check and all: one query
  // per product, however many lots the organisation holds.
  const suspectIds = new Set<string>();
  for (const [gtin, product] of products) {
    const range = storageRangeOf(product);
    if (!range) continue;
    const outside = await db.temperatureReading.groupBy({
      by: ["lotId"],
      where: {
        lotId: { in: lots.filter((lot) => lot.gtin === gtin).map((lot) => lot.id) },
        OR: [{ celsius: { lt: range.minCelsius } }, { celsius: { gt: range.maxCelsius } }],
      },
    });
    for (const row of outside) suspectIds.add(row.lotId);
  }
  const suspects = lots.filter((lot) => suspectIds.has(lot.id));
  const alerts: ColdChainAlert[] = [];
  for (const lot of suspects) {
    for (const batch of await getColdChain({ db, lotId: lot.id })) {
      const { judgement } = batch;
      if (judgement.kind !== "excursion" || !judgement.excursion.isBeyondAllowance) continue;
      alerts.push({
        lotId: lot.id,
        lotCode: lot.lotCode,
        sentence: judgement.sentence,
        recordedBy: batch.recordedBy,
        isIncoming: lot.recipient === me && lot.custodian !== me,
      });
    }
  }
  return alerts;
}
