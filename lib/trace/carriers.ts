import "server-only";
import type { Db } from "@/lib/db/client";
import { findShipmentsCarrying, findUnitsCarrying } from "./carried-in";
import type { TracedLot } from "./trace";

/** A pallet carrying affected stock, and where it is now. */
export type CarryingUnit = {
  sscc: string;
  /** The affected lots on it. */
  lotIds: string[];
  /** Still packed: pull the whole pallet. Taken apart: its lots are loose where they are. */
  isPacked: boolean;
  /** "Held by FreshMart", "On its way from ColdRoute to FreshMart". */
  whereNow: string;
};

/** A batched shipment that carried affected stock, and where it is now. */
export type CarryingShipmentView = {
  number: number;
  document: string | null;
  lotIds: string[];
  ssccs: string[];
  /** "On its way to FreshMart", "Delivered to FreshMart", "Refused; back with …". */
  whereNow: string;
};

const nameOf = (holder: { name: string | null; address: string } | null) =>
  holder ? (holder.name ?? `account ${holder.address.slice(0, 10)}…`) : "someone";

function whereNowOf(lot: TracedLot | undefined): string {
  if (!lot) return "Unknown";
  return lot.status === "IN_TRANSIT"
    ? `On its way from ${nameOf(lot.custodian)} to ${nameOf(lot.recipient)}`
    : `Held by ${nameOf(lot.custodian)}`;
}

/**
 * The pallets and batched shipments that carried any of the stock lots, packed pallets and
 * shipments still on the road first: what a recall's holders pull by scanning the SSCC.
 */
export async function findCarriersOf(
  db: Db,
  stock: readonly TracedLot[],
): Promise<{ units: CarryingUnit[]; shipments: CarryingShipmentView[] }> {
  const byId = new Map(stock.map((lot) => [lot.id, lot]));
  const ids = [...byId.keys()];
  const [unitRows, shipmentRows] = await Promise.all([
    findUnitsCarrying(db, ids),
    findShipmentsCarrying(db, { lotIds: ids }),
  ]);
  const affected = (lotIds: string[]) => lotIds.filter((id) => byId.has(id));
  const units = unitRows.map((unit) => {
    const lotIds = affected(unit.lotIds);
    return {
      sscc: unit.sscc,
      lotIds,
      isPacked: unit.unpackedTxHash === null,
      whereNow: whereNowOf(byId.get(lotIds[0] ?? "")),
    };
  });
  const shipments = shipmentRows.map((shipment) => {
    const lotIds = affected(shipment.lotIds);
    const lots = lotIds.flatMap((id) => byId.get(id) ?? []);
    const isOnTheRoad = lots.some(
      (lot) =>
        lot.status === "IN_TRANSIT" &&
        lot.recipient?.address.toLowerCase() === shipment.recipient.toLowerCase(),
    );
    const recipient = lots.find(
      (lot) => lot.custodian.address.toLowerCase() === shipment.recipient.toLowerCase(),
    );
    return {
      number: shipment.number,
      document: shipment.document ? `${shipment.document.label} ${shipment.document.number}` : null,
      lotIds,
      ssccs: shipment.ssccs,
      whereNow: isOnTheRoad
        ? whereNowOf(lots.find((lot) => lot.status === "IN_TRANSIT"))
        : recipient
          ? `Delivered to ${nameOf(recipient.custodian)}`
          : "Delivered; its lots have moved on",
    };
  });
  const openFirst = <T>(items: T[], isOpen: (item: T) => boolean) => [
    ...items.filter(isOpen),
    ...items.filter((item) => !isOpen(item)),
  ];
  return {
    units: openFirst(units, (unit) => unit.isPacked),
    shipments: openFirst(shipments, (s) => s.whereNow.startsWith("On its way")),
  };
}
