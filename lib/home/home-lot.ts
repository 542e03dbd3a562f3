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
  /** Held by its storage rule until its custodian releases it (lib/holds). */
  isOnHold: boolean;
  /** The other organisation of this item (who sent it, who it goes to), when there is one. */
  party: string | null;
  /** When the thing the list is about happened (recorded, shipped, accepted). */
  at: Date;
};

/** A lot row as the home queries read it, the other party still an address. */
export type LotRow = Omit<HomeLot, "product" | "party" | "quantity" | "isOnHold"> & {
  quantity: { toString(): string } | string | null;
  partyAddress: string | null;
};

/** Names of organisations by chain address (any casing) and by GLN. */
export type OrganizationNames = {
  byAddress(address: string): string;
  byGln(gln: string | null | undefined): string | null;
};

/**
 * Every organisation's name, in one query: the ledger's members are few (dozens, not the lots'
 * hundreds of thousands), and one read saves the homes a round trip per list.
 */
export async function findOrganizationNames(db: Db): Promise<OrganizationNames> {
  const organizations = await db.organization.findMany({
    select: { chainAddress: true, gln: true, name: true },
  });
  const byAddress = new Map(organizations.map((o) => [o.chainAddress.toLowerCase(), o.name]));
  const byGln = new Map(organizations.map((o) => [o.gln, o.name]));
  return {
    byAddress: (address) =>
      byAddress.get(address.toLowerCase()) ?? `account ${address.slice(0, 10)}…`,
    byGln: (gln) => (gln ? (byGln.get(gln) ?? null) : null),
  };
}

/** Names each row's product and other party: one query for the products of the whole list. */
export async function toHomeLots(
  db: Db,
  rows: LotRow[],
  names: OrganizationNames | Promise<OrganizationNames> = findOrganizationNames(db),
): Promise<HomeLot[]> {
  const [products, directory, held] = await Promise.all([
    findProducts(
      db,
      rows.map((row) => row.gtin),
    ),
    names,
    // Few lots are ever held: one indexed look-up rather than a column in every home query.
    db.lot.findMany({
      where: { id: { in: rows.map((row) => row.id) }, isOnHold: true },
      select: { id: true },
    }),
  ]);
  const heldIds = new Set(held.map((lot) => lot.id));
  return rows.map(({ partyAddress, quantity, ...row }) => ({
    ...row,
    isOnHold: heldIds.has(row.id),
    quantity: quantity === null ? null : quantity.toString(),
    product: productLabel(products.get(row.gtin) ?? null, row.gtin),
    party: partyAddress ? directory.byAddress(partyAddress) : null,
  }));
}

/** How many items each home section shows: a phone screen or two; the lists page has the rest. */
export const SECTION_SIZE = 20;
