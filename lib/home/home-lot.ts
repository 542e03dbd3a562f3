import "server-only";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";

/** One lot as a home lists it: what it is, how much, and the other party and moment that matter. */
export type HomeLot = {
  id: string;
  gtin: string;
  lotCode: string;
  /** The product's name (brand and name), else "GTIN …". */
  product: string;
  quantity: string | null;
  unit: string | null;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
  /** The other organisation of this item (who sent it, who it goes to), when there is one. */
  party: string | null;
  /** When the thing the list is about happened (recorded, shipped, accepted). */
  at: Date;
};

/** A lot row as the home queries read it, the other party still an address. */
export type LotRow = Omit<HomeLot, "product" | "party" | "quantity"> & {
  quantity: { toString(): string } | string | null;
  partyAddress: string | null;
};

/** Names each row's product and other party, in two queries for the whole list. */
export async function toHomeLots(db: Db, rows: LotRow[]): Promise<HomeLot[]> {
  const addresses = [
    ...new Set(rows.flatMap((row) => (row.partyAddress ? [row.partyAddress] : []))),
  ];
  const [products, organizations] = await Promise.all([
    findProducts(
      db,
      rows.map((row) => row.gtin),
    ),
    addresses.length === 0
      ? []
      : db.organization.findMany({
          where: { chainAddress: { in: addresses, mode: "insensitive" } },
          select: { chainAddress: true, name: true },
        }),
  ]);
  const names = new Map(organizations.map((o) => [o.chainAddress.toLowerCase(), o.name]));
  return rows.map(({ partyAddress, quantity, ...row }) => ({
    ...row,
    quantity: quantity === null ? null : quantity.toString(),
    product: productLabel(products.get(row.gtin) ?? null, row.gtin),
    party: partyAddress
      ? (names.get(partyAddress.toLowerCase()) ?? `account ${partyAddress.slice(0, 10)}…`)
      : null,
  }));
}

/** How many items each home section shows: a phone screen or two; the lists page has the rest. */
export const SECTION_SIZE = 20;
