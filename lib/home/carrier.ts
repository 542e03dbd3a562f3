import "server-only";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { type HomeLot, type LotRow, SECTION_SIZE, toHomeLots } from "./home-lot";
import { findIncomingShipments, findShipments, type Shipment } from "./shipments";

export type CarrierHome = {
  /** Handed to the carrier by a shipper: it accepts them when it picks them up. */
  toPickUp: { items: Shipment[]; total: number };
  /** Held by the carrier (on the truck), or shipped on and waiting for the recipient to accept. */
  inTransit: { items: Shipment[]; total: number };
  /** Shipped on by the carrier and accepted by their recipients, latest first. */
  delivered: HomeLot[];
};

export async function getCarrierHome({
  db,
  address,
}: {
  db: Db;
  address: string;
}): Promise<CarrierHome> {
  const [toPickUp, inTransit, delivered] = await Promise.all([
    findIncomingShipments(db, address),
    findShipments(
      db,
      Prisma.sql`l.custodian = ${address} AND l.status IN ('ACTIVE', 'IN_TRANSIT')`,
      "recipient",
    ),
    findDelivered(db, address),
  ]);
  return { toPickUp, inTransit, delivered };
}

/**
 * The carrier's last handoffs whose recipient accepted the lot (custody left the carrier), with who
 * accepted it and when: the newest SECTION_SIZE, by the handoff's block.
 */
async function findDelivered(db: Db, address: string): Promise<HomeLot[]> {
  const rows = await db.$queryRaw<LotRow[]>`
    SELECT l.id, l.gtin, l."lotCode", l.quantity, l.unit, l.status::text AS status,
      e.args->>'recipient' AS "partyAddress", coalesce(a."createdAt", e."createdAt") AS at
    FROM "LedgerEvent" e
    JOIN "Lot" l ON l.id = e."lotId"
    JOIN LATERAL (
      SELECT x."createdAt" FROM "LedgerEvent" x
      WHERE x."lotId" = e."lotId" AND x.name = 'LotHandoffAccepted'
        AND x.actor = e.args->>'recipient'
        AND (x."blockNumber", x."logIndex") > (e."blockNumber", e."logIndex")
      ORDER BY x."blockNumber", x."logIndex" LIMIT 1
    ) a ON true
    WHERE e.actor = ${address} AND e.name = 'LotHandedOff'
    ORDER BY e."blockNumber" DESC, e."logIndex" DESC
    LIMIT ${SECTION_SIZE}`;
  return toHomeLots(db, rows);
}
