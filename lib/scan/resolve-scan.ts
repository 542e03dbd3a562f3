import "server-only";
import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { GS } from "@/lib/gs1/element-string";
import { parseSscc } from "@/lib/gs1/keys";
import { parseScanData } from "@/lib/gs1/scan-data";
import { findPalletRecall, type LotToPull } from "@/lib/logistic-units/find-pallet-recall";
import { canSeeLot } from "@/lib/lots/visibility";
import { findProduct, productLabel } from "@/lib/products";
import { excursionText, findLotHold } from "@/lib/provenance";
import { findScanRecall, type ScanRecall } from "@/lib/recall";

/**
 * Where a scan leads. `receive`: the lot is on its way to the member's organisation; `manage`: the
 * organisation holds it; `view`: a lot it may see but not act on (canSeeLot), or a member who may
 * only read.
 */
export type ScanResolution =
  | { kind: "lot"; lotId: string; href: string; nextAction: "receive" | "manage" | "view" }
  /** A logistic unit's SSCC (a pallet label): its page says what the unit holds and what to do. */
  | { kind: "unit"; sscc: string; href: string }
  /**
   * The storage rule holds the lot (Lot.isOnHold): nobody ships or accepts it until an admin of its
   * custodian releases it. `why` and `releasedBy` are sentences the scan shows as they are.
   */
  | {
      kind: "held";
      lotId: string;
      href: string;
      gtin: string;
      product: string | null;
      lotCode: string;
      why: string;
      releasedBy: string;
      /** The member is one of those admins: the lot page offers the release. */
      canRelease: boolean;
    }
  | ({
      kind: "recalled";
      lotId: string;
      href: string;
      gtin: string;
      /** The product's name, so the person holding it knows what to take off the shelf. */
      product: string | null;
      lotCode: string;
      /** A packed pallet's SSCC was scanned: every recalled lot on it, to pull the pallet whole. */
      pallet?: { sscc: string; lots: LotToPull[] };
    } & ScanRecall);

/**
 * Turns whatever the camera, a photo or the keyboard produced into the next step for this member.
 * A recall outranks everything else: whoever holds the package must take it off the shelf first.
 * Every refusal is an AppError with one sentence the scan page shows as it is.
 */
export async function resolveScan({
  db,
  member,
  text,
}: {
  db: Db;
  member: Member;
  text: string;
}): Promise<ScanResolution> {
  // 18 digits typed from under a pallet label's barcode: read as element strings they would be a
  // lot code (10) without its GTIN.
  const isTypedSscc = /^\s*\d{18}\s*$/.test(text);
  // Read alone, a logistic label's upper GS1-128, (02)(37)(10), lacks the SSCC GS1 pairs it with.
  if (!isTypedSscc && CONTENT_BARCODE.test(text.trim())) throw palletContentLabel();
  const ais = isTypedSscc ? new Map([["00", parseSscc(text)]]) : parseScanData(text).ais;
  const sscc = ais.get("00");
  if (sscc !== undefined) return resolvePallet({ db, member, sscc });
  const gtin = ais.get("01");
  const lotCode = ais.get("10");
  if (gtin === undefined) throw notALotLabel();
  if (lotCode === undefined) throw withoutLot(gtin, ais.get("21"));

  const lotId = lotIdOf(gtin, lotCode);
  // A lot the member may not see is unknown to it, exactly as one LotLedger does not have: the
  // same sentence, the same queries. Its package serials and recall are never looked up.
  const lot = (await canSeeLot({ db, member, lotId }))
    ? await db.lot.findUnique({
        where: { id: lotId },
        select: { status: true, custodian: true, recipient: true, isOnHold: true },
      })
    : null;
  if (!lot) throw await unknownLot({ db, member, lotId, gtin, lotCode });
  const serial = ais.get("21");
  if (
    serial !== undefined &&
    !(await db.package.findUnique({ where: { lotId_serial: { lotId, serial } } }))
  ) {
    throw new AppError(
      "NOT_FOUND",
      `Lot ${lotCode} has no package with serial ${serial}: this label was not made by LotLedger, so set the package aside and tell your supervisor.`,
    );
  }

  const href = `/lots/${lotId}`;
  // Recalled itself or through a lot it was made from (lib/recall).
  const recall = await findScanRecall({ db, member, lotId, lot, serial: serial ?? null });
  if (recall) {
    const product = await findProduct(db, gtin);
    const name = product ? productLabel(product, gtin) : null;
    return { kind: "recalled", lotId, href, gtin, product: name, lotCode, ...recall };
  }
  // Addresses are compared without their checksum casing: the indexer and sign-up may differ.
  const ours = member.organization.chainAddress.toLowerCase();
  if (lot.isOnHold) {
    return resolveHeld({
      db,
      member,
      lotId,
      gtin,
      lotCode,
      isCustodian: lot.custodian.toLowerCase() === ours,
    });
  }
  const canWrite = member.role !== "READ_ONLY";
  if (lot.status === "IN_TRANSIT" && lot.recipient?.toLowerCase() === ours && canWrite) {
    return { kind: "lot", lotId, href: `${href}?action=receive`, nextAction: "receive" };
  }
  const isHeld = lot.custodian.toLowerCase() === ours;
  return { kind: "lot", lotId, href, nextAction: isHeld && canWrite ? "manage" : "view" };
}

/** The one screen of a held lot: why the rule held it and who may release it; no next step offered. */
async function resolveHeld({
  db,
  member,
  lotId,
  gtin,
  lotCode,
  isCustodian,
}: {
  db: Db;
  member: Member;
  lotId: string;
  gtin: string;
  lotCode: string;
  isCustodian: boolean;
}): Promise<ScanResolution> {
  const [hold, product] = await Promise.all([findLotHold({ db, lotId }), findProduct(db, gtin)]);
  const custodian = isCustodian ? member.organization.name : (hold?.custodian ?? "its holder");
  return {
    kind: "held",
    lotId,
    href: `/lots/${lotId}`,
    gtin,
    product: product ? productLabel(product, gtin) : null,
    lotCode,
    why: hold
      ? `It spent ${excursionText(hold)}, measured by ${hold.deviceName}.`
      : "Its temperature went outside the storage range for longer than allowed.",
    releasedBy: `Only an admin of ${custodian} (the quality manager) can release it, after checking the goods.`,
    canRelease: isCustodian && member.role === "ADMIN",
  };
}

/** A pallet's page, or the recall alert naming the lots to pull when it carries recalled stock. */
async function resolvePallet(options: {
  db: Db;
  member: Member;
  sscc: string;
}): Promise<ScanResolution> {
  const href = `/units/${options.sscc}`;
  const lots = await findPalletRecall(options);
  const [first] = lots;
  if (!first) return { kind: "unit", sscc: options.sscc, href };
  const { lotId, gtin, product, lotCode, recalledLotCode } = first;
  return {
    kind: "recalled",
    ...{ lotId, gtin, product, lotCode, recalledLotCode, href, package: null },
    pallet: { sscc: options.sscc, lots },
  };
}

function notALotLabel(): AppError {
  return new AppError(
    "INVALID_INPUT",
    "This barcode names no product (GTIN, AI 01): scan the QR code or GS1 DataMatrix on a package of the lot.",
  );
}

/** Element strings that start with the GTIN of contained items, (02): no SSCC comes before it. */
const CONTENT_BARCODE = new RegExp(`^(?:\\]C1|${GS})?02\\d{14}|^\\(02\\)`);

/** The upper GS1-128 of a logistic label says what is on the pallet, not which pallet it is. */
function palletContentLabel(): AppError {
  return new AppError(
    "INVALID_INPUT",
    "This is the pallet label's content barcode (02): scan the SSCC barcode (00) at the bottom of the label.",
  );
}

/** An EAN-13 on a retail pack, or a serial-level code that leaves the lot out. */
function withoutLot(gtin: string, serial: string | undefined): AppError {
  return new AppError(
    "INVALID_INPUT",
    serial === undefined
      ? `This barcode names only the product (GTIN ${gtin}), not its lot: scan the package's QR code or GS1 DataMatrix, which carry the lot number (10).`
      : `This code names package ${serial} of GTIN ${gtin} but not its lot: scan a code that carries the lot number (10).`,
  );
}

/**
 * A lot the member's organisation has just recorded may still be on its way to the ledger (queued,
 * sent, or mined but not yet indexed); saying "unknown" then would make them record it twice.
 */
async function unknownLot({
  db,
  member,
  lotId,
  gtin,
  lotCode,
}: {
  db: Db;
  member: Member;
  lotId: string;
  gtin: string;
  lotCode: string;
}): Promise<AppError> {
  const write = await db.ledgerTransaction.findFirst({
    where: {
      lotId,
      method: "createLot",
      organizationId: member.organization.id,
      status: { in: ["PENDING", "SIGNED", "CONFIRMED"] },
    },
    select: { id: true },
  });
  if (write) {
    return new AppError(
      "CONFLICT",
      `Lot ${lotCode} of GTIN ${gtin} is still being recorded on the ledger: scan it again in a minute, without recording it again.`,
    );
  }
  return new AppError(
    "NOT_FOUND",
    `No lot ${lotCode} of GTIN ${gtin} is on LotLedger for your organisation: check the label, or record the lot first.`,
  );
}
