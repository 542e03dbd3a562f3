import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { GS } from "@/lib/gs1/element-string";
import { parseScanData } from "@/lib/gs1/scan-data";
import { resolveLotOfScan } from "@/lib/trace";

export type LotHit = {
  id: string;
  gtin: string;
  lotCode: string;
  status: string;
  quantity: string | null;
  unit: string | null;
  custodianName: string;
  /** The package serial that led to this lot, when one did. */
  serial: string | null;
};

const MAX_HITS = 50;
/** A Digital Link, bracketed element strings, a symbology identifier or a GS-led element string. */
const BARCODE = new RegExp(`^(https?://|\\(|\\]|${GS})`, "i");
const GTIN_DIGITS = /^(\d{8}|\d{12,14})$/;

/**
 * Finds lots by whatever the recall manager has: a GTIN (every lot of the product), a lot code, a
 * package serial, or a scanned or typed barcode (Digital Link or element strings). A barcode that
 * does not parse is refused with lib/gs1's sentence; digits that are not a valid GTIN are looked up
 * as a lot code or serial, since those can be all digits too.
 */
export async function searchLots({ db, query }: { db: Db; query: string }): Promise<LotHit[]> {
  const text = query.trim();
  if (text === "") return [];
  if (BARCODE.test(text) || (/^\d{16,}$/.test(text) && text.startsWith("01"))) {
    return fromBarcode(db, text);
  }
  if (GTIN_DIGITS.test(text)) {
    const gtin = tryGtin(text);
    if (gtin) {
      const byGtin = await findHits(db, { gtin });
      if (byGtin.length > 0) return byGtin;
    }
  }
  const [byLotCode, bySerial] = await Promise.all([
    findHits(db, { lotCode: { startsWith: text, mode: "insensitive" } }),
    findBySerial(db, { serial: text.toUpperCase() }),
  ]);
  return [...bySerial, ...byLotCode.filter((hit) => !bySerial.some((s) => s.id === hit.id))];
}

/** A scanned or typed label: its lot (lib/trace), or every lot of the product for a GTIN alone. */
async function fromBarcode(db: Db, text: string): Promise<LotHit[]> {
  const { ais } = parseScanData(text);
  const gtin = ais.get("01");
  if (gtin !== undefined && !ais.has("10") && !ais.has("21")) return findHits(db, { gtin });
  const resolved = await resolveLotOfScan({ db, text });
  const hits = await findHits(db, { id: resolved.lotId });
  return hits.map((hit) => ({ ...hit, serial: resolved.serial }));
}

function tryGtin(digits: string): string | null {
  try {
    return parseScanData(digits).ais.get("01") ?? null;
  } catch {
    return null;
  }
}

/** Every lot with a package of this serial: a search lists them all, where a scan must pick one. */
async function findBySerial(db: Db, where: { serial: string }) {
  const packages = await db.package.findMany({
    where: { serial: where.serial },
    select: { lotId: true, serial: true },
    take: MAX_HITS,
  });
  const hits = await findHits(db, { id: { in: packages.map((p) => p.lotId) } });
  return hits.map((hit) => ({
    ...hit,
    serial: packages.find((p) => p.lotId === hit.id)?.serial ?? null,
  }));
}

async function findHits(db: Db, where: Prisma.LotWhereInput): Promise<LotHit[]> {
  const lots = await db.lot.findMany({
    where,
    orderBy: [{ createdBlock: "desc" }, { lotCode: "asc" }],
    take: MAX_HITS,
    select: {
      id: true,
      gtin: true,
      lotCode: true,
      status: true,
      quantity: true,
      unit: true,
      custodian: true,
    },
  });
  const organizations = await db.organization.findMany({
    where: { chainAddress: { in: lots.map((lot) => lot.custodian), mode: "insensitive" } },
    select: { chainAddress: true, name: true },
  });
  const nameOf = (address: string) =>
    organizations.find((o) => o.chainAddress.toLowerCase() === address.toLowerCase())?.name ??
    `account ${address.slice(0, 10)}…`;
  return lots.map(({ custodian, quantity, ...lot }) => ({
    ...lot,
    quantity: quantity?.toString() ?? null,
    custodianName: nameOf(custodian),
    serial: null,
  }));
}
