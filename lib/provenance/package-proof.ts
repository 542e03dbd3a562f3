import "server-only";
import type { Db } from "@/lib/db/client";
import {
  indexLotPackages,
  type LotPackages,
  type PackageProof,
  provePackage,
} from "./prove-package";

/** Every package serial the database lists for the lot, with the Merkle tree over them. */
export async function loadLotPackages(db: Db, lotId: string): Promise<LotPackages> {
  const rows = await db.package.findMany({ where: { lotId }, select: { serial: true } });
  return indexLotPackages(
    lotId,
    rows.map((row) => row.serial),
  );
}

/**
 * One package's proof of membership in its lot, from the lot's Package rows and the serials root the
 * indexer took from the chain (Lot.serialsRoot); null when the serial is not one of the lot's
 * packages. `lotPackages` may come from a cache (read-model.ts).
 */
export async function getPackageProof({
  db,
  lotId,
  serial,
  lotPackages = (id) => loadLotPackages(db, id),
}: {
  db: Db;
  lotId: string;
  serial: string;
  lotPackages?: (lotId: string) => Promise<LotPackages>;
}): Promise<PackageProof | null> {
  const lot = await db.lot.findUnique({ where: { id: lotId }, select: { serialsRoot: true } });
  if (!lot) return null;
  return provePackage(await lotPackages(lotId), lot.serialsRoot, serial);
}
