import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findPendingLotWrites, type PendingLotWrite } from "@/lib/lots/get-pending-writes";
import type { HomeLot } from "./home-lot";
import { findOpenRecalls, type OpenRecall } from "./recalls";
import { findIncomingShipments, type Shipment } from "./shipments";
import { findStockByProduct, type ProductStock } from "./stock";
import { findTodaysLots, homeTimeZone, startOfDayIn } from "./today";

type Section<T> = { items: T[]; total: number };

/** A farm's, packhouse's or kitchen's day: what it recorded, what is coming, what is not on the ledger yet. */
export type ProducerHome = {
  timeZone: string;
  today: Section<HomeLot>;
  incoming: Section<Shipment>;
  pendingWrites: PendingLotWrite[];
};

export async function getProducerHome({
  db,
  member,
  now = new Date(),
}: {
  db: Db;
  member: Member;
  now?: Date;
}): Promise<ProducerHome> {
  const { id, chainAddress } = member.organization;
  const timeZone = homeTimeZone(member);
  const [today, incoming, pendingWrites] = await Promise.all([
    findTodaysLots(db, { address: chainAddress, since: startOfDayIn(timeZone, now) }),
    findIncomingShipments(db, chainAddress),
    findPendingLotWrites({ db, organizationId: id }),
  ]);
  return { timeZone, today, incoming, pendingWrites };
}

/** A store's desk: deliveries to accept, recalls and the stock they hold back, stock on hand. */
export type RetailerHome = {
  incoming: Section<Shipment>;
  recalls: Section<OpenRecall>;
  stock: ProductStock[];
};

export async function getRetailerHome({
  db,
  member,
}: {
  db: Db;
  member: Member;
}): Promise<RetailerHome> {
  const address = member.organization.chainAddress;
  const [incoming, recalls, stock] = await Promise.all([
    findIncomingShipments(db, address),
    findOpenRecalls({ db, member }),
    findStockByProduct(db, address),
  ]);
  return { incoming, recalls, stock };
}
