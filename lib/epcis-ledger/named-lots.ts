import type { Member } from "@/lib/auth/session";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Tx } from "@/lib/db/client";
import { lotOfEpcClass } from "@/lib/epcis/event-index";
import { AppError } from "@/lib/errors";
import { notHeldMessage } from "@/lib/lots/guards";

// The LotLedger lots a captured event names (LGTIN classes of its quantity lists), each with the JSON
// pointer a refusal names, and whether the capturing organisation holds them.

type Json = Record<string, unknown>;

export type NamedLot = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: number | null;
  uom: string | null;
  /** The JSON pointer of the identifier in the event, e.g. /quantityList/0/epcClass. */
  field: string;
};

const QUANTITY_LISTS = [
  "quantityList",
  "childQuantityList",
  "inputQuantityList",
  "outputQuantityList",
] as const;

/** The lots an event's quantity lists name (a class without a lot, a GTIN alone, names none). */
export function namedLots(event: Json, lists: readonly string[] = QUANTITY_LISTS): NamedLot[] {
  return lists.flatMap((list) => {
    const elements = Array.isArray(event[list]) ? (event[list] as Json[]) : [];
    return elements.flatMap((element, index) => {
      const lot = typeof element.epcClass === "string" ? lotOfEpcClass(element.epcClass) : null;
      if (!lot) return [];
      return [
        {
          ...lot,
          id: lotIdOf(lot.gtin, lot.lotCode),
          quantity: typeof element.quantity === "number" ? element.quantity : null,
          uom: typeof element.uom === "string" ? element.uom : null,
          field: `/${list}/${index}/epcClass`,
        },
      ];
    });
  });
}

/**
 * Lots the capture itself registers, before the indexer has them: later events of the same capture
 * (the supplier's shipping, the receipt) are recorded on them.
 */
export type CaptureState = { registered: Set<string> };

/**
 * Whether the member's organisation holds the lot for recording an event on it: its custodian on the
 * ledger, or its registration queued by the organisation (in this capture or an earlier one).
 */
export async function holdsLot(
  tx: Tx,
  member: Member,
  state: CaptureState,
  lotId: string,
): Promise<boolean> {
  if (state.registered.has(lotId)) return true;
  const lot = await tx.lot.findUnique({ where: { id: lotId }, select: { custodian: true } });
  if (lot) return lot.custodian === member.organization.chainAddress;
  const queued = await tx.ledgerTransaction.findFirst({
    where: {
      lotId,
      organizationId: member.organization.id,
      method: { in: ["createLot", "registerReceivedLot"] },
      status: { not: "FAILED" },
    },
    select: { id: true },
  });
  return queued !== null;
}

/** Whether LotLedger knows the lot: on the ledger, or its registration queued by anyone. */
export async function isOnLotLedger(tx: Tx, state: CaptureState, lotId: string): Promise<boolean> {
  if (state.registered.has(lotId)) return true;
  if (await tx.lot.findUnique({ where: { id: lotId }, select: { id: true } })) return true;
  const queued = await tx.ledgerTransaction.findFirst({
    where: { lotId, status: { not: "FAILED" } },
    select: { id: true },
  });
  return queued !== null;
}

/**
 * The lots of the event that LotLedger knows, each held by the member's organisation; the first it
 * does not hold is refused at its identifier, as the forms would. A lot LotLedger never heard of is
 * the partner's own business: the event is kept in the EPCIS repository, on no LotLedger lot.
 */
export async function requireHeldLots(
  tx: Tx,
  member: Member,
  state: CaptureState,
  lots: readonly NamedLot[],
  action: string,
): Promise<string[]> {
  const held: string[] = [];
  for (const lot of lots) {
    if (!(await isOnLotLedger(tx, state, lot.id))) continue;
    if (!(await holdsLot(tx, member, state, lot.id)))
      throw new AppError("NOT_FOUND", notHeldMessage(action), { field: lot.field });
    held.push(lot.id);
  }
  return [...new Set(held)];
}

/** Runs a domain check and names `field` in its refusal: the event's pointer, not the form's field. */
export async function at<T>(field: string, check: () => Promise<T> | T): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { field });
    throw error;
  }
}
