import "server-only";
import type { Db } from "@/lib/db/client";
import { documentTypeLabel } from "@/lib/epcis/kde";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";

/** A batched shipment as trails, units and recalls name it: its reference document and its ends. */
export type CarryingShipment = {
  number: number;
  /** The bill of lading or despatch advice it travelled on, as typed; null when not stored. */
  document: { label: string; number: string } | null;
  sender: string;
  recipient: string;
  lotIds: string[];
  ssccs: string[];
  blockNumber: number;
};

/** The pallets (indexed LogisticUnit rows) that carried any of these lots, packed or taken apart. */
export async function findUnitsCarrying(db: Db, lotIds: readonly string[]) {
  if (lotIds.length === 0) return [];
  return db.logisticUnit.findMany({
    where: { lotIds: { hasSome: [...lotIds] } },
    orderBy: { packedBlock: "asc" },
    select: { sscc: true, lotIds: true, packer: true, unpackedTxHash: true, packedBlock: true },
  });
}

/**
 * The batched shipments (indexed Shipment rows) that carried any of these lots or pallets, oldest
 * first, each with the reference document its shipping payload names.
 */
export async function findShipmentsCarrying(
  db: Db,
  { lotIds = [], ssccs = [] }: { lotIds?: readonly string[]; ssccs?: readonly string[] },
): Promise<CarryingShipment[]> {
  if (lotIds.length === 0 && ssccs.length === 0) return [];
  const rows = await db.shipment.findMany({
    where: { OR: [{ lotIds: { hasSome: [...lotIds] } }, { ssccs: { hasSome: [...ssccs] } }] },
    orderBy: { blockNumber: "asc" },
  });
  const hashes = rows.flatMap((row) => (row.payloadHash ? [row.payloadHash] : []));
  const payloads = await db.eventPayload.findMany({ where: { hash: { in: hashes } } });
  const bodies = new Map(payloads.map((payload) => [payload.hash, payload.body]));
  return rows.map((row) => {
    const [document] = shipmentPartiesOf(bodies.get(row.payloadHash ?? ""))?.documents ?? [];
    return {
      number: row.number,
      document: document
        ? { label: documentTypeLabel(document.type), number: document.number }
        : null,
      sender: row.sender,
      recipient: row.recipient,
      lotIds: row.lotIds,
      ssccs: row.ssccs,
      blockNumber: row.blockNumber,
    };
  });
}
