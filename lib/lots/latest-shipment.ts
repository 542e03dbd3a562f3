import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent } from "@/lib/epcis/event";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import { findLotStanding } from "./visibility";

/**
 * The payload of the lot's latest shipment (its last LotHandedOff): where the goods are going, who
 * owns and who holds them, and the reference documents that travel with them. Null before the first
 * shipment, or when its payload is not stored.
 */
export async function findLatestShipment(tx: Tx, lotId: string): Promise<EpcisEvent | null> {
  const shipment = await tx.ledgerEvent.findFirst({
    where: { lotId, name: "LotHandedOff" },
    orderBy: [{ blockNumber: "desc" }, { logIndex: "desc" }],
    select: { payloadHash: true },
  });
  const payload = shipment?.payloadHash
    ? await tx.eventPayload.findUnique({ where: { hash: shipment.payloadHash } })
    : null;
  return isEpcisEvent(payload?.body) ? payload.body : null;
}

/** The lot's latest shipment as its pages show it: where it goes, who carries it, on which document. */
export type LotShipment = {
  /** The reference document: the user's own bill of lading, else LotLedger's shipment number. */
  document: { label: string; number: string } | null;
  shipper: { gln: string; name: string } | null;
  /** The immediate subsequent recipient (not the carrier). */
  recipient: { gln: string; name: string } | null;
  /** The recipient's location the lot goes to. */
  destination: { gln: string; name: string } | null;
  /** The carrier holding it in transit, when the shipper named one. */
  carrier: { gln: string; name: string } | null;
};

/**
 * The lot's latest shipment, with names; null before its first, or when the member may not see the
 * lot (canSeeLot), alike.
 */
export async function getLotShipment({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<LotShipment | null> {
  if (!(await findLotStanding({ db, member, lotId }))) return null;
  const parties = shipmentPartiesOf(await findLatestShipment(db, lotId));
  if (!parties) return null;
  // The carrier takes it from the shipper, or (on its own delivery leg) hands it to the recipient.
  const carrierGln =
    parties.takenByGln !== parties.recipientGln
      ? parties.takenByGln
      : parties.heldByGln !== parties.shipperGln
        ? parties.heldByGln
        : null;
  const glns = [parties.shipperGln, parties.recipientGln, carrierGln].filter(
    (gln): gln is string => gln !== null,
  );
  const [organizations, location] = await Promise.all([
    db.organization.findMany({ where: { gln: { in: glns } }, select: { gln: true, name: true } }),
    parties.destinationGln
      ? db.location.findUnique({
          where: { gln: parties.destinationGln },
          select: { gln: true, name: true },
        })
      : null,
  ]);
  const party = (gln: string | null) => organizations.find((o) => o.gln === gln) ?? null;
  const [document] = parties.documents;
  return {
    document: document
      ? { label: documentTypeLabel(document.type), number: document.number }
      : null,
    shipper: party(parties.shipperGln),
    recipient: party(parties.recipientGln),
    destination: location,
    carrier: party(carrierGln),
  };
}
