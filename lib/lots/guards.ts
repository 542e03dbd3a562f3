import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findRecalledAncestor } from "@/lib/trace";
import { assertLotNotOnHold } from "./hold-guard";

/** Organisation kinds that assign traceability lot codes (FSMA 204: initial packing, transformation). */
export const LOT_CREATING_KINDS = ["FARM", "PACKER", "PROCESSOR"];

export function canCreateLots(member: { role: string; organization: { kind: string } }): boolean {
  return member.role !== "READ_ONLY" && LOT_CREATING_KINDS.includes(member.organization.kind);
}

/** Refuses members that may not register lots, with the sentence the lot forms show. */
export function assertCanCreateLots(member: Member): void {
  if (canCreateLots(member)) return;
  throw new AppError(
    "FORBIDDEN",
    member.role === "READ_ONLY"
      ? "Your account is read-only: ask an admin of your organisation to create the lot."
      : `Only farms, packers and processors create lots; ${member.organization.name} is a ${member.organization.kind.toLowerCase()}.`,
  );
}

/** Organisation kinds that take custody of lots (LotTracker's custody roles): all but regulators. */
export const CUSTODY_KINDS = ["FARM", "PACKER", "PROCESSOR", "CARRIER", "RETAILER"];

/** Refuses read-only accounts, naming what they tried to do ("ship the lot"). */
export function assertCanRecord(member: Member, what: string): void {
  if (member.role === "READ_ONLY") {
    throw new AppError(
      "FORBIDDEN",
      `Your account is read-only: ask a colleague with staff access to ${what}.`,
    );
  }
}

/** Refuses organisations that never hold lots (regulators), naming what they tried ("ship lots"). */
export function assertHoldsCustody(member: Member, what: string): void {
  if (!CUSTODY_KINDS.includes(member.organization.kind)) {
    throw new AppError(
      "FORBIDDEN",
      `Only farms, packers, processors, carriers and retailers ${what}; ${member.organization.name} is a ${member.organization.kind.toLowerCase()}.`,
    );
  }
}

/**
 * One ledger write per lot at a time: a second one would be judged against a state about to change.
 * A batch write (a shipment, a pallet) names its lots in its arguments, so those count too. `except`
 * lists methods that change no custody or status (packing a pallet): writes after them are safe,
 * as one organisation's writes are mined in the order asked.
 */
export async function assertNoWriteInFlight(
  tx: Tx,
  lotId: string,
  lotCode: string,
  except: readonly string[] = [],
): Promise<void> {
  const [unfinished] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "LedgerTransaction"
    WHERE status IN ('PENDING', 'SIGNED') AND NOT (method = ANY(${[...except]}::text[]))
      AND ("lotId" = ${lotId}
        OR (jsonb_typeof(args->0) = 'array' AND args->0 ? ${lotId})
        OR (jsonb_typeof(args->1) = 'array' AND args->1 ? ${lotId}))
    LIMIT 1`;
  if (unfinished) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lotCode} is already waiting for the ledger: wait until that is recorded.`,
    );
  }
}

/** The refusal for a lot the member's organisation does not hold ("…so it cannot {action} here"). */
export function notHeldMessage(action: string): string {
  return `Your organisation does not hold this lot, so it cannot ${action} here. Check the lot code, or ask its holder.`;
}

export type HeldLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  payloadHash: string | null;
};

/**
 * The lot, if the member's organisation holds it, it is active, not on hold and no other write for
 * it is waiting: the conditions LotTracker checks, checked first so the user reads a sentence, not a
 * revert. `action` completes "…so it cannot be shipped": e.g. "be shipped", "be split".
 */
export async function requireHeldLot(
  tx: Tx,
  member: Member,
  lotId: string,
  action: string,
  /** Writes in flight that do not stop this one (assertNoWriteInFlight). */
  except: readonly string[] = [],
  /** A tracking event (cooling) is recorded on a held lot too: LotTracker allows recordEvent. */
  { mayBeOnHold = false }: { mayBeOnHold?: boolean } = {},
): Promise<HeldLot> {
  const lot = await tx.lot.findUnique({
    where: { id: lotId },
    select: {
      id: true,
      gtin: true,
      lotCode: true,
      quantity: true,
      unit: true,
      status: true,
      custodian: true,
      payloadHash: true,
    },
  });
  if (!lot || lot.custodian !== member.organization.chainAddress) {
    throw new AppError("NOT_FOUND", notHeldMessage(action));
  }
  if (lot.status !== "ACTIVE") {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} is ${lot.status.toLowerCase().replace("_", " ")}, so it cannot ${action} now.`,
    );
  }
  await assertNotMadeFromRecalled(tx, lot, action);
  if (!mayBeOnHold) await assertLotNotOnHold(tx, lot.id, action);
  await assertNoWriteInFlight(tx, lot.id, lot.lotCode, except);
  return { ...lot, quantity: lot.quantity?.toString() ?? null };
}

/**
 * A lot on its way whose `party` (the sender, `custodian`, or the `recipient`) is `address`, with no
 * write of it still queued; otherwise a CONFLICT saying `refusal`. For cancelling and receiving.
 */
export async function requireLotInTransit(
  tx: Tx,
  lotId: string,
  {
    party,
    address,
    refusal,
  }: { party: "custodian" | "recipient"; address: string; refusal: string },
) {
  const lot = await tx.lot.findUnique({
    where: { id: lotId },
    select: {
      status: true,
      recipient: true,
      custodian: true,
      lotCode: true,
      gtin: true,
      quantity: true,
      unit: true,
    },
  });
  if (lot?.status !== "IN_TRANSIT" || lot[party] !== address) {
    throw new AppError("CONFLICT", refusal);
  }
  await assertNoWriteInFlight(tx, lotId, lot.lotCode);
  return lot;
}

/**
 * A recall covers everything made from the recalled lot, which the chain leaves ACTIVE: LotLedger
 * holds such stock where it is, as the chain holds the recalled lot itself.
 */
async function assertNotMadeFromRecalled(
  tx: Tx,
  lot: { id: string; lotCode: string },
  action: string,
): Promise<void> {
  const recalled = await findRecalledAncestor({ db: tx, lotId: lot.id });
  if (recalled) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} was made from lot ${recalled.lotCode}, which is recalled, so it cannot ${action} now: keep it off sale and follow the recall on the Recalls page.`,
    );
  }
}

/** Refuses a traceability lot code already on the ledger or already queued for it. */
export async function assertLotCodeFree(
  tx: Tx,
  lot: { id: string; gtin: string; lotCode: string },
  field = "lotCode",
): Promise<void> {
  const isTaken =
    (await tx.lot.findUnique({ where: { id: lot.id }, select: { id: true } })) ||
    (await tx.ledgerTransaction.findFirst({
      where: { lotId: lot.id, status: { in: ["PENDING", "SIGNED", "CONFIRMED"] } },
      select: { id: true },
    }));
  if (isTaken) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} of GTIN ${lot.gtin} is already on the ledger: give a new batch a new lot code.`,
      { field },
    );
  }
}

export type TrackedLot = {
  id: string;
  gtin: string;
  lotCode: string;
  status: "ACTIVE" | "IN_TRANSIT" | "RECALLED" | "CONSUMED";
};

/**
 * The lot, if the member's organisation is its custodian and its goods are still a lot (not used up
 * in a split, merge or transformation): what LotTracker checks before tracking data such as sensor
 * readings. A lot shipped but not yet accepted is still its sender's: custody moves on acceptance.
 * `action` completes "…so it cannot …": e.g. "have readings recorded".
 */
export async function requireTrackedLot(
  tx: Tx,
  member: Member,
  lotId: string,
  action: string,
): Promise<TrackedLot> {
  const lot = await tx.lot.findUnique({
    where: { id: lotId },
    select: { id: true, gtin: true, lotCode: true, status: true, custodian: true, recipient: true },
  });
  const me = member.organization.chainAddress;
  if (lot?.status === "IN_TRANSIT" && lot.recipient === me) {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} is on its way to ${member.organization.name} but not yet accepted, so it cannot ${action} yet: accept the shipment first.`,
    );
  }
  if (!lot || lot.custodian !== me) {
    throw new AppError("NOT_FOUND", notHeldMessage(action));
  }
  if (lot.status === "CONSUMED") {
    throw new AppError(
      "CONFLICT",
      `Lot ${lot.lotCode} is consumed (made into other lots), so it cannot ${action} now.`,
    );
  }
  await assertNoWriteInFlight(tx, lot.id, lot.lotCode);
  return { id: lot.id, gtin: lot.gtin, lotCode: lot.lotCode, status: lot.status };
}
