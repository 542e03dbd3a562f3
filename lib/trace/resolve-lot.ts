import "server-only";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseScanData } from "@/lib/gs1/scan-data";
import { countText } from "@/lib/text/plural";

/** The lot a code leads to, and the package's serial when the code named one. */
export type ResolvedLot = { lotId: string; gtin: string; lotCode: string; serial: string | null };

/**
 * The lot of a scanned or typed code: a Digital Link (lot or package level), GS1 element strings, or
 * a serial-level code without the lot (GTIN + AI 21, found through the Package table). Each refusal
 * is an AppError with the sentence to show; malformed codes get lib/gs1's own sentence.
 */
export async function resolveLotOfScan({
  db,
  text,
}: {
  db: Db;
  text: string;
}): Promise<ResolvedLot> {
  const { ais } = parseScanData(text);
  const gtin = ais.get("01");
  const lotCode = ais.get("10");
  const serial = ais.get("21") ?? null;
  if (gtin === undefined) {
    throw new AppError(
      "INVALID_INPUT",
      "This code names no product (GTIN, AI 01): scan the QR code or GS1 DataMatrix on a package.",
    );
  }
  if (lotCode !== undefined) return findLot({ db, gtin, lotCode, serial });
  if (serial !== null) return findLotOfPackage({ db, serial, gtin });
  throw new AppError(
    "INVALID_INPUT",
    `This code names only the product (GTIN ${gtin}), not a lot: scan a package's QR code or GS1 DataMatrix, which carry the lot number (10).`,
  );
}

/**
 * The lot holding the package with this serial. Serials are unique within a lot, so one serial may
 * (rarely) name packages of several lots: the GTIN narrows it, and a serial still shared is refused.
 */
export async function findLotOfPackage({
  db,
  serial,
  gtin,
}: {
  db: Db;
  serial: string;
  gtin?: string;
}): Promise<ResolvedLot> {
  const packages = await db.package.findMany({ where: { serial }, select: { lotId: true } });
  const lots = await db.lot.findMany({
    where: { id: { in: packages.map((p) => p.lotId) }, ...(gtin ? { gtin } : {}) },
    select: { id: true, gtin: true, lotCode: true },
  });
  const [lot, other] = lots;
  const product = gtin ? ` of GTIN ${gtin}` : "";
  if (!lot) {
    throw new AppError(
      "NOT_FOUND",
      `LotLedger has no package with serial ${serial}${product}: check the label.`,
    );
  }
  if (other) {
    throw new AppError(
      "INVALID_INPUT",
      `Serial ${serial}${product} is on packages of ${countText(lots.length, "lot")}: scan a code that carries the lot number (10) too.`,
    );
  }
  return { lotId: lot.id, gtin: lot.gtin, lotCode: lot.lotCode, serial };
}

async function findLot({
  db,
  gtin,
  lotCode,
  serial,
}: {
  db: Db;
  gtin: string;
  lotCode: string;
  serial: string | null;
}): Promise<ResolvedLot> {
  const lotId = lotIdOf(gtin, lotCode);
  const [lot, pkg] = await Promise.all([
    db.lot.findUnique({ where: { id: lotId }, select: { id: true } }),
    serial === null
      ? null
      : db.package.findUnique({ where: { lotId_serial: { lotId, serial } }, select: { id: true } }),
  ]);
  if (!lot) {
    throw new AppError(
      "NOT_FOUND",
      `LotLedger has no lot ${lotCode} of GTIN ${gtin}: check the label, or wait a minute if it was just recorded.`,
    );
  }
  if (serial !== null && !pkg) {
    throw new AppError(
      "NOT_FOUND",
      `Lot ${lotCode} of GTIN ${gtin} has no package with serial ${serial}: check the label.`,
    );
  }
  return { lotId, gtin, lotCode, serial };
}
