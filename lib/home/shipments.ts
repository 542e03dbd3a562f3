import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import {
  findOrganizationNames,
  type HomeLot,
  type LotRow,
  SECTION_SIZE,
  toHomeLots,
} from "./home-lot";

/** A lot on its way, with who shipped it (the owner), who carries it, and who it goes to. */
export type Shipment = HomeLot & {
  /** The carrier holding it, when the shipper is not moving it itself. */
  carrier: string | null;
  /** The organisation it is finally shipped to (not the carrier). */
  recipient: string | null;
};

type ShipmentRow = LotRow & { payloadHash: string | null };

/**
 * Lots chosen by `where` (over "Lot" l), each with its latest shipment (its last LotHandedOff: when,
 * and the payload naming shipper and recipient), at most SECTION_SIZE. Ordered by the lot's last
 * change, which for a lot on its way is its handoff: an index gives the first 20 of thousands.
 */
export async function findShipments(
  db: Db,
  where: Prisma.Sql,
  party: "custodian" | "recipient",
): Promise<{ items: Shipment[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<ShipmentRow[]>`
      SELECT l.id, l.gtin, l."lotCode", l.quantity, l.unit, l.status::text AS status,
        l.${Prisma.raw(`"${party}"`)} AS "partyAddress",
        coalesce(h."createdAt", l."updatedAt") AS at, h."payloadHash"
      FROM "Lot" l
      LEFT JOIN LATERAL (
        SELECT e."createdAt", e."payloadHash" FROM "LedgerEvent" e
        WHERE e."lotId" = l.id AND e.name = 'LotHandedOff'
        ORDER BY e."blockNumber" DESC, e."logIndex" DESC LIMIT 1
      ) h ON true
      WHERE ${where}
      ORDER BY l."updatedAt" DESC, l.id
      LIMIT ${SECTION_SIZE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Lot" l WHERE ${where}`,
  ]);
  const names = findOrganizationNames(db);
  const [lots, payloads, { byGln: nameOf }] = await Promise.all([
    toHomeLots(db, rows, names),
    db.eventPayload.findMany({
      where: { hash: { in: rows.flatMap((row) => (row.payloadHash ? [row.payloadHash] : [])) } },
      select: { hash: true, body: true },
    }),
    names,
  ]);
  const parties = new Map(payloads.map((p) => [p.hash, shipmentPartiesOf(p.body)]));
  return {
    total: count?.total ?? 0,
    items: lots.map((lot, i) => {
      const shipment = parties.get(rows[i]?.payloadHash ?? "") ?? null;
      const shipper = nameOf(shipment?.shipperGln);
      const recipient = nameOf(shipment?.recipientGln);
      // The custodian of a lot in transit is whoever handed it over last: the shipper or its carrier.
      const holder = party === "custodian" ? lot.party : null;
      return {
        ...lot,
        party: party === "custodian" ? (shipper ?? lot.party) : lot.party,
        carrier: holder && shipper && holder !== shipper ? holder : null,
        recipient: recipient ?? (party === "recipient" ? lot.party : null),
      };
    }),
  };
}

/** Shipments on their way to the organisation, not accepted or refused yet. */
export function findIncomingShipments(db: Db, address: string) {
  return findShipments(
    db,
    Prisma.sql`l.recipient = ${address} AND l.status = 'IN_TRANSIT'`,
    "custodian",
  );
}
