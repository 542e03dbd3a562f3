import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { findRecallOf } from "./recall-in-force";

/** What the scan page adds to its full-screen recall alert. */
export type ScanRecall = {
  /** The lot the recall names: the scanned lot itself, or the lot it was made from. */
  recalledLotCode: string;
  /** The scanned package (a label with a serial), and whether this member can take it off sale. */
  package: {
    serial: string;
    isRemoved: boolean;
    canRemove: boolean;
    /** What to do instead, when this member cannot mark it removed. */
    advice: string | null;
  } | null;
};

/**
 * Whether a scanned lot is recalled — itself, or through any lot it was made from — and what the
 * member can do about the package in hand; null when it is not recalled.
 */
export async function findScanRecall({
  db,
  member,
  lotId,
  lot,
  serial,
}: {
  db: Db;
  member: Member;
  lotId: string;
  lot: { custodian: string; recipient: string | null };
  serial: string | null;
}): Promise<ScanRecall | null> {
  const recalled = await findRecallOf({ db, lotId });
  if (!recalled) return null;
  const item =
    serial === null
      ? null
      : await db.package.findUnique({
          where: { lotId_serial: { lotId, serial } },
          select: { removedAt: true },
        });
  if (!item || serial === null) return { recalledLotCode: recalled.lotCode, package: null };
  const ours = member.organization.chainAddress.toLowerCase();
  const isHeld = lot.custodian.toLowerCase() === ours || lot.recipient?.toLowerCase() === ours;
  const advice =
    recalled.id === null
      ? `Take package ${serial} off the shelf and tell the organisation that recalled lot ${recalled.lotCode}.`
      : !isHeld
        ? `Take package ${serial} off the shelf: ${member.organization.name} does not hold its lot, so tell the organisation that does.`
        : member.role === "READ_ONLY"
          ? `Take package ${serial} off the shelf and ask a colleague with staff access to mark it removed.`
          : null;
  return {
    recalledLotCode: recalled.lotCode,
    package: { serial, isRemoved: item.removedAt !== null, canRemove: advice === null, advice },
  };
}
