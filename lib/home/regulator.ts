import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";
import { type LotHit, searchLots } from "@/lib/recall";

/** An organisation as the regulator's search finds it, with its places. */
export type OrganizationHit = {
  id: string;
  name: string;
  kind: string;
  gln: string;
  places: { gln: string; name: string; city: string | null }[];
};

export type RegulatorSearch = {
  lots: (LotHit & { product: string })[];
  organizations: OrganizationHit[];
};

/**
 * Every lot (by GTIN, lot code, serial or barcode, as the recall search finds them; a regulator sees
 * every lot) and every organisation (by name or GLN, its own or one of its places') the words name.
 */
export async function searchEverything({
  db,
  member,
  query,
}: {
  db: Db;
  member: Member;
  query: string;
}): Promise<RegulatorSearch> {
  const text = query.trim();
  if (text === "") return { lots: [], organizations: [] };
  const [lots, organizations] = await Promise.all([
    searchLots({ db, member, query: text }),
    db.organization.findMany({
      where: {
        OR: [
          { name: { contains: text, mode: "insensitive" } },
          { gln: { startsWith: text } },
          { locations: { some: { gln: { startsWith: text } } } },
          { locations: { some: { name: { contains: text, mode: "insensitive" } } } },
        ],
      },
      orderBy: { name: "asc" },
      take: 20,
      select: {
        id: true,
        name: true,
        kind: true,
        gln: true,
        locations: { select: { gln: true, name: true, city: true }, orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  const products = await findProducts(
    db,
    lots.map((lot) => lot.gtin),
  );
  return {
    lots: lots.map((lot) => ({
      ...lot,
      product: productLabel(products.get(lot.gtin) ?? null, lot.gtin),
    })),
    organizations: organizations.map(({ locations, ...o }) => ({ ...o, places: locations })),
  };
}
