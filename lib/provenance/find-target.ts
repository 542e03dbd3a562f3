import "server-only";
import { lotIdOf } from "@/lib/chain/lot-id";
import { ANY_LOT } from "./change-feed";
import { getProductSummary, type ProductSummary } from "./get-product";
import type { Provenance } from "./get-provenance";
import { getPackageProof } from "./package-proof";
import type { PackageProof } from "./prove-package";
import type { ProvenanceReadModel } from "./read-model";
import type { ResolverTarget } from "./resolve-digital-link";

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
