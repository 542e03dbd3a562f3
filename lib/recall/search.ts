import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { GS } from "@/lib/gs1/element-string";
import { parseScanData } from "@/lib/gs1/scan-data";
import { findVisibleLotIds } from "@/lib/lots/visibility";

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
/**
 * Lots looked at to find MAX_HITS the member may see: a GTIN shared by many organisations' lots
 * (a brand's product, or a commodity's) can hide the member's own older lots behind others' newer
 * ones beyond this many.
 */
const MAX_CANDIDATES = 1_000;
/** A Digital Link, bracketed element strings, a symbology identifier or a GS-led element string. */
const BARCODE = new RegExp(`^(https?://|\\(|\\]|${GS})`, "i");
const GTIN_DIGITS = /^(\d{8}|\d{12,14})$/;

/**
 * Finds lots by whatever the recall manager has: a GTIN (every lot of the product), a lot code, a
 * package serial, or a scanned or typed barcode (Digital Link or element strings). A barcode that
 * does not parse is refused with lib/gs1's sentence; digits that are not a valid GTIN are looked up
 * as a lot code or serial, since those can be all digits too. Only lots the member may see are
 * found (canSeeLot): a lot of anyone else is not there for it, as in every other search.
 */
export async function searchLots({
  db,
  member,
  query,
}: {
  db: Db;
  member: Member;
  query: string;
}): Promise<LotHit[]> {
  const text = query.trim();
  if (text === "") return [];
  const findHits = (where: Prisma.LotWhereInput) => findVisibleHits(db, member, where);
  if (BARCODE.test(text) || (/^\d{16,}$/.test(text) && text.startsWith("01"))) {
    return fromBarcode(findHits, db, text);
  }
  if (GTIN_DIGITS.test(text)) {
    const gtin = tryGtin(text);
    if (gtin) {
      const byGtin = await findHits({ gtin });
      if (byGtin.length > 0) return byGtin;
    }
  }
  const [byLotCode, bySerial] = await Promise.all([
    findHits({ lotCode: { startsWith: text, mode: "insensitive" } }),
    findBySerial(findHits, db, { serial: text.toUpperCase() }),
  ]);
  return [...bySerial, ...byLotCode.filter((hit) => !bySerial.some((s) => s.id === hit.id))];
}

/**
 * A scanned or typed label: the lots its GTIN, lot code and serial name (the product's lots for a
 * GTIN alone). Found like any other query, so a label of a lot the member may not see finds nothing,
 * exactly as a label of no lot does.
 */
async function fromBarcode(findHits: FindHits, db: Db, text: string): Promise<LotHit[]> {
  const { ais } = parseScanData(text);
  const [gtin, lotCode, serial] = [ais.get("01"), ais.get("10"), ais.get("21")];
  const where: Prisma.LotWhereInput = {
    ...(gtin === undefined ? {} : { gtin }),
    ...(lotCode === undefined ? {} : { lotCode }),
  };
  if (serial !== undefined) return findBySerial(findHits, db, { serial }, where);
  return gtin === undefined && lotCode === undefined ? [] : findHits(where);
}

function tryGtin(digits: string): string | null {
  try {
    return parseScanData(digits).ais.get("01") ?? null;
  } catch {
    return null;
  }
}

/** Every lot with a package of this serial: a search lists them all, where a scan must pick one. */
async function findBySerial(
  findHits: FindHits,
  db: Db,
  { serial }: { serial: string },
  lot: Prisma.LotWhereInput = {},
) {
  const packages = await db.package.findMany({
    where: { serial },
    select: { lotId: true, serial: true },
    take: MAX_CANDIDATES,
  });
  const hits = await findHits({ ...lot, id: { in: packages.map((p) => p.lotId) } });
  return hits.map((hit) => ({
    ...hit,
    serial: packages.find((p) => p.lotId === hit.id)?.serial ?? null,
  }));
}

type FindHits = (where: Prisma.LotWhereInput) => Promise<LotHit[]>;

/** The newest lots matching `where` that the member may see, at most MAX_HITS. */
async function findVisibleHits(
  db: Db,
  member: Member,
  where: Prisma.LotWhereInput,
): Promise<LotHit[]> {
  const candidates = await db.lot.findMany({
    where,
    orderBy: [{ createdBlock: "desc" }, { lotCode: "asc" }],
    take: MAX_CANDIDATES,
    select: { id: true },
  });
  const visible = await findVisibleLotIds({ db, member, lotIds: candidates.map((c) => c.id) });
  const ids = candidates.flatMap((c) => (visible.has(c.id) ? [c.id] : [])).slice(0, MAX_HITS);
  const lots = await db.lot.findMany({
    where: { id: { in: ids } },
    orderBy: [{ createdBlock: "desc" }, { lotCode: "asc" }],
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
