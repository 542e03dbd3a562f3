import type { Db, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { deviceFallbackName } from "@/lib/indexer/write-cold-chain";
import { rangeText, storageRuleOf } from "@/lib/products";

// The forms' refusal of a held lot, checked before anything is written: LotTracker refuses the same
// write (LotTrackerLotOnHold), but a person should read why and who can lift it, not a revert.

/** What the sentence about a hold names. */
export type HoldFacts = {
  lotCode: string;
  excursionMinutes: number;
  /** "2 to 8 °C", or null when no rule is known to the read model. */
  range: string | null;
  deviceName: string;
  custodianName: string;
};

/**
 * "Lot L-1 is on hold: it spent 45 min outside 2 to 8 °C (device Truck 12 logger); Cool Freight must
 * release it before it can be received." `action` completes "before it can …": "be received".
 */
export function holdSentence(facts: HoldFacts, action: string): string {
  const outside = facts.range ? `outside ${facts.range}` : "outside its storage range";
  return `Lot ${facts.lotCode} is on hold: it spent ${facts.excursionMinutes} min ${outside} (device ${facts.deviceName}); ${facts.custodianName} must release it before it can ${action}.`;
}

/** The facts of the lot's current hold, or null when it is not on hold. */
export async function findHoldFacts(db: Db | Tx, lotId: string): Promise<HoldFacts | null> {
  const lot = await db.lot.findUnique({
    where: { id: lotId },
    select: { chainId: true, gtin: true, lotCode: true, custodian: true, isOnHold: true },
  });
  if (!lot?.isOnHold) return null;
  const hold = await db.lotHold.findFirst({
    where: { lotId, releasedTxHash: null },
    orderBy: [{ heldBlock: "desc" }, { heldLogIndex: "desc" }],
    select: { deviceAddress: true, excursionMinutes: true },
  });
  const device = hold
    ? await db.device.findUnique({
        where: { chainId_address: { chainId: lot.chainId, address: hold.deviceAddress } },
        select: { name: true },
      })
    : null;
  const custodian = await db.organization.findUnique({
    where: { chainAddress: lot.custodian },
    select: { name: true },
  });
  const rule = await storageRuleOf(db, lot);
  return {
    lotCode: lot.lotCode,
    excursionMinutes: hold?.excursionMinutes ?? 0,
    range: rule ? rangeText(rule) : null,
    deviceName: device?.name ?? (hold ? deviceFallbackName(hold.deviceAddress) : "unknown"),
    custodianName: custodian?.name ?? "its custodian",
  };
}

/** Refuses a held lot with the sentence above; `action` completes "before it can …". */
export async function assertLotNotOnHold(
  db: Db | Tx,
  lotId: string,
  action: string,
): Promise<void> {
  const facts = await findHoldFacts(db, lotId);
  if (facts) throw new AppError("CONFLICT", holdSentence(facts, action));
}
