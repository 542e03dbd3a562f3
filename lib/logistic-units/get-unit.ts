import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findVisibleLotIds } from "@/lib/lots/visibility";
import { findProducts, productLabel } from "@/lib/products";
import { type CarryingShipment, findShipmentsCarrying } from "@/lib/trace";
import { findUnitRecord, type UnitWrite } from "./find-unit";

/** Where a unit stands, as its page says it. */
export type UnitStatus =
  | "BEING_PACKED"
  | "REFUSED"
  | "ON_LEDGER"
  | "IN_SHIPMENT"
  | "BEING_TAKEN_APART"
  | "TAKEN_APART";

export type UnitLine = {
  lotId: string;
  lotCode: string;
  gtin: string;
  product: string;
  quantity: string;
  unit: string | null;
  packageCount: number;
  lotStatus: string | null;
};

export type UnitView = {
  sscc: string;
  status: UnitStatus;
  lines: UnitLine[];
  /** Who holds its lots now, or who is moving them: "Held by …", "On its way from … to …". */
  whereNow: string | null;
  /** The latest batched shipment that carried it. */
  shipment: CarryingShipment | null;
  isPacker: boolean;
  /** The member's organisation holds every lot on it, packed and on the ledger. */
  canTakeApart: boolean;
  packWrite: UnitWrite | null;
  unpackWrite: UnitWrite | null;
};

/**
 * The unit with this SSCC as the member may see it: its packer's staff, and anyone who may see one
 * of its lots (lib/lots/visibility.ts); null for anyone else, alike with an SSCC never packed.
 */
export async function getUnit({
  db,
  member,
  sscc,
}: {
  db: Db;
  member: Member;
  sscc: string;
}): Promise<UnitView | null> {
  const unit = await findUnitRecord(db, sscc);
  if (!unit) return null;
  const isPacker = unit.packerOrganizationId === member.organization.id;
  const visible = await findVisibleLotIds({ db, member, lotIds: unit.lotIds });
  if (!isPacker && (visible.size === 0 || !unit.isIndexed)) return null;
  const [lots, shipments, products] = await Promise.all([
    db.lot.findMany({
      where: { id: { in: unit.lotIds } },
      select: {
        id: true,
        lotCode: true,
        gtin: true,
        status: true,
        custodian: true,
        recipient: true,
      },
    }),
    findShipmentsCarrying(db, { ssccs: [sscc] }),
    findProducts(
      db,
      unit.contents.map((content) => content.gtin),
    ),
  ]);
  const byId = new Map(lots.map((lot) => [lot.id, lot]));
  const lines = unit.contents.map((content) => ({
    ...content,
    product: productLabel(products.get(content.gtin) ?? null, content.gtin),
    lotStatus: byId.get(content.lotId)?.status ?? null,
  }));
  const me = member.organization.chainAddress;
  const isInTransit = lots.some((lot) => lot.status === "IN_TRANSIT");
  const status: UnitStatus = unit.isTakenApart
    ? "TAKEN_APART"
    : unit.unpackWrite && unit.unpackWrite.status !== "FAILED"
      ? "BEING_TAKEN_APART"
      : unit.isIndexed
        ? isInTransit
          ? "IN_SHIPMENT"
          : "ON_LEDGER"
        : unit.packWrite?.status === "FAILED"
          ? "REFUSED"
          : "BEING_PACKED";
  const canTakeApart =
    status === "ON_LEDGER" &&
    member.role !== "READ_ONLY" &&
    lots.length === unit.lotIds.length &&
    lots.every((lot) => lot.custodian === me);
  return {
    sscc,
    status,
    lines,
    whereNow: await whereNowOf(db, lots[0] ?? null),
    shipment: shipments.at(-1) ?? null,
    isPacker,
    canTakeApart,
    packWrite: unit.packWrite,
    unpackWrite: unit.unpackWrite,
  };
}

async function whereNowOf(
  db: Db,
  lot: { custodian: string; recipient: string | null; status: string } | null,
): Promise<string | null> {
  if (!lot) return null;
  const addresses = [lot.custodian, lot.recipient].filter((a): a is string => a !== null);
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: addresses } },
    select: { chainAddress: true, name: true },
  });
  const nameOf = (address: string | null) =>
    organizations.find((o) => o.chainAddress === address)?.name ?? "another organisation";
  return lot.status === "IN_TRANSIT"
    ? `On its way from ${nameOf(lot.custodian)} to ${nameOf(lot.recipient)}`
    : `Held by ${nameOf(lot.custodian)}`;
}
