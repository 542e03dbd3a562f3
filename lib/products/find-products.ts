import type { Db } from "@/lib/db/client";

/** A product's master data as the pages, exports and notices read it (°C as numbers). */
export type ProductSummary = {
  gtin: string;
  name: string;
  brand: string | null;
  description: string | null;
  commodity: string | null;
  variety: string | null;
  unit: string | null;
  netContent: string | null;
  storageMinCelsius: number | null;
  storageMaxCelsius: number | null;
  allowedExcursionMinutes: number | null;
  shelfLifeDays: number | null;
  imageUrl: string | null;
  organizationId: string;
};

type Row = Awaited<ReturnType<Db["product"]["findFirstOrThrow"]>>;

export function summaryOf(row: Row): ProductSummary {
  const {
    id: _,
    createdAt: _c,
    updatedAt: _u,
    storageMinCelsius,
    storageMaxCelsius,
    ...rest
  } = row;
  return {
    ...rest,
    storageMinCelsius: storageMinCelsius === null ? null : Number(storageMinCelsius),
    storageMaxCelsius: storageMaxCelsius === null ? null : Number(storageMaxCelsius),
  };
}

/** The products of these GTINs, by GTIN; a GTIN nobody described is absent from the map. */
export async function findProducts(
  db: Db,
  gtins: Iterable<string>,
): Promise<Map<string, ProductSummary>> {
  const wanted = [...new Set(gtins)];
  if (wanted.length === 0) return new Map();
  const rows = await db.product.findMany({ where: { gtin: { in: wanted } } });
  return new Map(rows.map((row) => [row.gtin, summaryOf(row)]));
}

/** One GTIN's product, or null. */
export async function findProduct(db: Db, gtin: string): Promise<ProductSummary | null> {
  return (await findProducts(db, [gtin])).get(gtin) ?? null;
}

/** How a person reads a lot's product: its name (and brand), else the bare GTIN. */
export function productLabel(product: Pick<ProductSummary, "name" | "brand"> | null, gtin: string) {
  if (!product) return `GTIN ${gtin}`;
  return product.brand ? `${product.brand} ${product.name}` : product.name;
}

/** An organisation's own products, by name: its Products page and the pickers of its forms. */
export async function findOrganizationProducts(
  db: Db,
  organizationId: string,
): Promise<ProductSummary[]> {
  const rows = await db.product.findMany({
    where: { organizationId },
    orderBy: [{ name: "asc" }, { gtin: "asc" }],
    take: 2_000,
  });
  return rows.map(summaryOf);
}

/** FSMA 204's product description as a label prints it: brand, name and net content. */
export function productDescription(
  product: Pick<ProductSummary, "name" | "brand" | "netContent">,
): string {
  const label = productLabel(product, "");
  return product.netContent ? `${label}, ${product.netContent}` : label;
}
