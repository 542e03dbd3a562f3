import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findShipmentLots, findShipmentRecord } from "./shipment-record";

/** A pallet on its way to the member's organisation, as its accept button counts it. */
export type IncomingUnit = {
  sscc: string;
  shipmentReference: string;
  /** Its lots still on their way, and their cases (packages labelled on LotLedger). */
  lotCount: number;
  caseCount: number;
};

/**
 * The pallet with this SSCC if it travels in a shipment on its way to the member's organisation
 * with something on it left to answer; null otherwise (also for a stranger: nothing is told).
 * What a scanned pallet label opens: "Accept this pallet (3 lots, 48 cases)".
 */
export async function findIncomingUnit({
  db,
  member,
  sscc,
}: {
  db: Db;
  member: Member;
  sscc: string;
}): Promise<IncomingUnit | null> {
  const shipment = await db.shipment.findFirst({
    where: { ssccs: { has: sscc }, recipient: member.organization.chainAddress },
    orderBy: [{ blockNumber: "desc" }, { number: "desc" }],
    select: { reference: true },
  });
  const record = shipment?.reference ? await findShipmentRecord(db, shipment.reference) : null;
  const unit = record?.units.find((u) => u.sscc === sscc);
  if (!record || !unit) return null;
  const open = (await findShipmentLots(db, { number: record.number, lotIds: unit.lotIds })).filter(
    (lot) => lot.isOpen,
  );
  if (open.length === 0) return null;
  const caseCount = await db.package.count({ where: { lotId: { in: open.map((lot) => lot.id) } } });
  return { sscc, shipmentReference: record.reference, lotCount: open.length, caseCount };
}
