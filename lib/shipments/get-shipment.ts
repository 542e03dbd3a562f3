import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import { findOrganizationNames } from "@/lib/home";
import { findQueuedShipments } from "./queued-shipment";
import { type ShipmentLotView, viewShipmentLots } from "./shipment-lots-view";
import { findShipmentRecord, type ShippedUnit } from "./shipment-record";

export type ShipmentDetail = {
  reference: string;
  /** The chain's number; null while the shipment is not on the ledger yet. */
  number: number | null;
  /** The sender's write while it is not on the ledger yet (for "Saved · waiting for the ledger"). */
  queuedWriteId: string | null;
  document: { label: string; number: string } | null;
  sender: string;
  recipient: string;
  /** Who holds it on the way (the ledger's recipient), when not the recipient itself. */
  carrier: string | null;
  pallets: { sscc: string; caseCount: number; lots: ShipmentLotView[] }[];
  looseLots: ShipmentLotView[];
  /** The member's organisation is who the ledger hands it to, and something is left to answer. */
  canAnswer: boolean;
  /** Whether the chain still takes one answer for all of it. */
  isWholeOpen: boolean;
};

/**
 * A shipment as its page shows it, by pallet: for its sender, for whoever the ledger hands it to (a
 * carrier, the recipient) and for the recipient named in its payload. Null for anyone else and for
 * no such shipment alike. Before the indexer has it, its sender sees it from the outbox.
 */
export async function getShipment({
  db,
  member,
  reference,
}: {
  db: Db;
  member: Member;
  reference: string;
}): Promise<ShipmentDetail | null> {
  const me = member.organization.chainAddress;
  const record = await findShipmentRecord(db, reference);
  const queued = record
    ? null
    : (await findQueuedShipments(db, { organizationId: member.organization.id, reference }))[0];
  const shipment = record ?? (queued && { ...queued, number: null, sender: me });
  if (!shipment) return null;
  const parties = shipmentPartiesOf(shipment.payload);
  const isParty =
    [shipment.sender, shipment.recipient].includes(me) ||
    parties?.recipientGln === member.organization.gln ||
    member.organization.kind === "REGULATOR";
  if (!isParty) return null;
  const names = await findOrganizationNames(db);
  const lots = await viewShipmentLots(db, shipment);
  const recipient = names.byGln(parties?.recipientGln) ?? names.byAddress(shipment.recipient);
  const carrier = names.byAddress(shipment.recipient);
  const onPallets = new Set(shipment.units.flatMap((unit) => unit.lotIds));
  const open = lots.filter((lot) => lot.isOpen);
  return {
    reference,
    number: shipment.number,
    queuedWriteId: queued?.writeId ?? null,
    document: documentOf(shipment.payload),
    sender: names.byGln(parties?.shipperGln) ?? names.byAddress(shipment.sender),
    recipient,
    carrier: carrier === recipient ? null : carrier,
    pallets: shipment.units.map((unit: ShippedUnit) => {
      const onIt = lots.filter((lot) => unit.lotIds.includes(lot.id));
      return {
        sscc: unit.sscc,
        caseCount: onIt.reduce((sum, lot) => sum + lot.cases, 0),
        lots: onIt,
      };
    }),
    looseLots: lots.filter((lot) => !onPallets.has(lot.id)),
    canAnswer: shipment.recipient === me && open.length > 0 && member.role !== "READ_ONLY",
    isWholeOpen: !!record && open.length === record.lotIds.length && record.answer === null,
  };
}

function documentOf(payload: EpcisEvent | null) {
  const [document] = shipmentPartiesOf(payload)?.documents ?? [];
  return document ? { label: documentTypeLabel(document.type), number: document.number } : null;
}
