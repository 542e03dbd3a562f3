import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findPackedUnitsOf } from "@/lib/logistic-units/lot-availability";
import { type HeldLot, requireHeldLot } from "@/lib/lots/guards";
import { findPackedUnits, type PackedUnit } from "./packed-units";

/** What a shipment carries: its pallets with their lots, and every lot it moves (pallets' first). */
export type ShippedGoods = { units: PackedUnit[]; lots: HeldLot[] };

// Packing changes no custody: a pallet packed a moment ago ships behind its packing write.
const SHIPS_BEHIND = ["packUnit"];

/**
 * The pallets and loose lots a member's organisation ships, each checked as LotTracker will check
 * it (held, active, no other write on its way, not made from a recalled lot), so the user reads one
 * sentence instead of a reverted batch. Refused: nothing chosen, a pallet never packed or taken
 * apart or held by someone else, a lot chosen twice (loose and on its pallet), a loose lot that is
 * packed on a pallet.
 */
export async function requireShippedGoods(
  tx: Tx,
  member: Member,
  { ssccs, lotIds }: { ssccs: string[]; lotIds: string[] },
): Promise<ShippedGoods> {
  if (ssccs.length === 0 && lotIds.length === 0) {
    throw new AppError("INVALID_INPUT", "Choose at least one pallet or lot to ship.", {
      field: "ssccs",
    });
  }
  const units = await findPackedUnits(tx, ssccs);
  const lots: HeldLot[] = [];
  for (const sscc of ssccs) {
    const unit = units.find((u) => u.sscc === sscc);
    if (!unit) {
      throw new AppError(
        "INVALID_INPUT",
        `Pallet ${sscc} is not packed on LotLedger: check the SSCC on its label, or build the pallet first.`,
        { field: "ssccs" },
      );
    }
    if (unit.isTakenApart) {
      throw new AppError(
        "CONFLICT",
        `Pallet ${sscc} was taken apart: ship its lots loose instead.`,
        { field: "ssccs" },
      );
    }
    await assertHoldsUnit(tx, member, unit);
    for (const lotId of unit.lotIds)
      lots.push(await requireHeldLot(tx, member, lotId, "be shipped", SHIPS_BEHIND));
  }
  for (const lotId of lotIds) {
    const onPallet = units.find((unit) => unit.lotIds.includes(lotId));
    const lot = await requireHeldLot(tx, member, lotId, "be shipped", SHIPS_BEHIND);
    if (onPallet) {
      throw new AppError(
        "INVALID_INPUT",
        `Lot ${lot.lotCode} is on pallet ${onPallet.sscc}: choose the pallet or the lot, not both.`,
        { field: "lotIds" },
      );
    }
    await assertNotPacked(tx, lot);
    lots.push(lot);
  }
  return { units, lots };
}

/** A pallet is held by whoever holds its lots: all of them, or it cannot travel whole. */
async function assertHoldsUnit(tx: Tx, member: Member, unit: PackedUnit): Promise<void> {
  const held = await tx.lot.count({
    where: { id: { in: unit.lotIds }, custodian: member.organization.chainAddress },
  });
  if (held !== unit.lotIds.length) {
    throw new AppError(
      "NOT_FOUND",
      `Your organisation does not hold pallet ${unit.sscc}, so it cannot ship it: check the SSCC on its label.`,
      { field: "ssccs" },
    );
  }
}

/**
 * A lot packed on a pallet travels on it: shipping it loose would leave the pallet's record wrong.
 * A packing the indexer has not read yet counts as long as the ledger did not refuse it.
 */
async function assertNotPacked(tx: Tx, lot: HeldLot): Promise<void> {
  const [queued] = await tx.$queryRaw<{ sscc: string }[]>`
    SELECT lpad(args->>0, 18, '0') AS sscc FROM "LedgerTransaction" w
    WHERE method = 'packUnit' AND status <> 'FAILED' AND args->1 ? ${lot.id}
      AND NOT EXISTS (SELECT 1 FROM "LogisticUnit" u WHERE u.sscc = lpad(w.args->>0, 18, '0'))
    LIMIT 1`;
  const sscc = (await findPackedUnitsOf(tx, [lot.id])).get(lot.id) ?? queued?.sscc;
  if (sscc) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} is packed on pallet ${sscc}: ship the pallet, or take it apart first.`,
      { field: "lotIds" },
    );
  }
}
