import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent } from "@/lib/epcis/event";

/** A pallet of a shipment as its shipping payload lists it (kde.units, epcList). */
export type ShippedUnit = { sscc: string; epc: string; lotIds: string[] };

/** A shipment as the indexer recorded it, with what its shipping payload says. */
export type ShipmentRecord = {
  number: number;
  reference: string;
  sender: string;
  recipient: string;
  lotIds: string[];
  answer: string | null;
  blockNumber: number;
  payload: EpcisEvent | null;
  units: ShippedUnit[];
};

/** The pallets a shipping payload names: kde.units, each with its EPC from epcList (same order). */
export function shippedUnitsOf(payload: EpcisEvent | null): ShippedUnit[] {
  const units = payload?.kde?.units;
  if (!Array.isArray(units)) return [];
  return units.flatMap((unit, i) => {
    if (typeof unit !== "object" || unit === null || Array.isArray(unit)) return [];
    const { sscc, lotIds } = unit;
    if (typeof sscc !== "string" || !Array.isArray(lotIds)) return [];
    const ids = lotIds.filter((id): id is string => typeof id === "string");
    return [{ sscc, epc: payload?.epcList?.[i] ?? `https://id.gs1.org/00/${sscc}`, lotIds: ids }];
  });
}

/** The indexed shipment LotLedger calls `reference` (its kde.shipment), or null. */
export async function findShipmentRecord(
  db: Db | Tx,
  reference: string,
): Promise<ShipmentRecord | null> {
  const shipment = await db.shipment.findUnique({
    where: { reference },
    select: {
      number: true,
      sender: true,
      recipient: true,
      lotIds: true,
      answer: true,
      blockNumber: true,
      payloadHash: true,
    },
  });
  if (!shipment) return null;
  const stored = shipment.payloadHash
    ? await db.eventPayload.findUnique({ where: { hash: shipment.payloadHash } })
    : null;
  const payload = isEpcisEvent(stored?.body) ? stored.body : null;
  const { payloadHash: _, ...row } = shipment;
  return { ...row, reference, payload, units: shippedUnitsOf(payload) };
}

export type ShipmentLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: string;
  custodian: string;
  recipient: string | null;
  /** Still on its way in this shipment: in transit, and this shipment is its latest handoff. */
  isOpen: boolean;
};

/** The shipment's lots as the indexer last saw them, in the shipment's order. */
export async function findShipmentLots(
  db: Db | Tx,
  shipment: Pick<ShipmentRecord, "number" | "lotIds">,
): Promise<ShipmentLot[]> {
  const rows = await db.$queryRaw<(Omit<ShipmentLot, "isOpen"> & { shipment: string | null })[]>`
    SELECT l.id, l.gtin, l."lotCode", trim_scale(l.quantity)::text AS quantity, l.unit, l.status::text AS status,
      l.custodian, l.recipient,
      (SELECT e.args->>'shipment' FROM "LedgerEvent" e
        WHERE e."lotId" = l.id AND e.name = 'LotHandedOff'
        ORDER BY e."blockNumber" DESC, e."logIndex" DESC LIMIT 1) AS shipment
    FROM "Lot" l WHERE l.id = ANY(${shipment.lotIds}::text[])`;
  return shipment.lotIds.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const { shipment: latest, ...lot } = row;
    return [{ ...lot, isOpen: lot.status === "IN_TRANSIT" && latest === String(shipment.number) }];
  });
}
