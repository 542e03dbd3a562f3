import "server-only";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { findProduct } from "@/lib/products";
import { ANY_LOT } from "./change-feed";
import type { ResolverTarget } from "./digital-link";
import type { Provenance } from "./get-provenance";
import { getPackageProof, type PackageProof } from "./package-proof";
import type { ProvenanceReadModel } from "./read-model";

/** What LotLedger knows about a Digital Link's product, lot or package. */
export type FoundTarget =
  | { level: "product"; product: ProductSummary }
  | { level: "lot"; provenance: Provenance; packageProof: null }
  | { level: "serial"; provenance: Provenance; packageProof: PackageProof };

/**
 * The lot ids a target's answer depends on: the lot and the lots it was made from, as far as they
 * were found; ANY_LOT for a product, which lists all its lots.
 */
export function dependencyOf(target: ResolverTarget, found: FoundTarget | null): string | string[] {
  if (target.lotCode === null) return ANY_LOT;
  return found && found.level !== "product"
    ? found.provenance.lineageLotIds
    : lotIdOf(target.gtin, target.lotCode);
}

/** The record behind a Digital Link, or null when LotLedger has none (no such product, lot or package). */
export async function findTarget(
  readModel: ProvenanceReadModel,
  target: ResolverTarget,
): Promise<FoundTarget | null> {
  const { db } = readModel;
  if (target.lotCode === null) {
    const product = await getProductSummary({ db, gtin: target.gtin });
    return product && { level: "product", product };
  }
  const lotId = lotIdOf(target.gtin, target.lotCode);
  const [provenance, packageProof] = await Promise.all([
    readModel.getProvenance(lotId),
    target.serial === null
      ? null
      : getPackageProof({
          db,
          lotId,
          serial: target.serial,
          lotPackages: (id) => readModel.getLotPackages(id),
        }),
  ]);
  if (!provenance) return null;
  if (target.serial === null) return { level: "lot", provenance, packageProof: null };
  return packageProof && { level: "serial", provenance, packageProof };
}

/** "lot L1 of product 0950…", as a not-found sentence names it. */
export function describeTarget(target: ResolverTarget): string {
  const lot = `lot ${target.lotCode} of product ${target.gtin}`;
  if (target.lotCode === null) return `product ${target.gtin}`;
  return target.serial === null ? lot : `package ${target.serial} of ${lot}`;
}

/** A product (GTIN) as the public sees it: who makes it, and which of its lots are recalled. */
export type ProductSummary = {
  gtin: string;
  /** The product's name as its owner described it (lib/products), or null. */
  name: string | null;
  lotCount: number;
  producers: string[];
  recalledLotCodes: string[];
};

export async function getProductSummary({
  db,
  gtin,
}: {
  db: Db;
  gtin: string;
}): Promise<ProductSummary | null> {
  const [lotCount, recalled, producerRows, product] = await Promise.all([
    db.lot.count({ where: { gtin } }),
    recalledLotsOf(db, gtin),
    db.lot.findMany({ where: { gtin }, select: { producer: true }, distinct: ["producer"] }),
    findProduct(db, gtin),
  ]);
  if (lotCount === 0) return null;
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: producerRows.flatMap((row) => row.producer ?? []) } },
    select: { name: true },
    orderBy: { name: "asc" },
  });
  return {
    gtin,
    name: product?.name ?? null,
    lotCount,
    producers: organizations.map((o) => o.name),
    recalledLotCodes: recalled.map((lot) => lot.lotCode),
  };
}

/**
 * The lots of a product that are recalled, or made from a recalled lot (of any product): walked
 * forward from the few recalled lots, which the status index finds.
 */
function recalledLotsOf(db: Db, gtin: string): Promise<Array<{ lotCode: string }>> {
  return db.$queryRaw<Array<{ lotCode: string }>>`
    WITH RECURSIVE affected(id) AS (
      SELECT id FROM "Lot" WHERE status = 'RECALLED'
      UNION
      SELECT l."childId" FROM "LotLineage" l JOIN affected a ON l."parentId" = a.id
    )
    SELECT lot."lotCode" FROM affected JOIN "Lot" lot ON lot.id = affected.id
    WHERE lot.gtin = ${gtin} ORDER BY lot."lotCode"`;
}
