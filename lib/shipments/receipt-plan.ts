import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertNoWriteInFlight } from "@/lib/lots/guards";
import {
  findShipmentLots,
  findShipmentRecord,
  type ShipmentLot,
  type ShipmentRecord,
  type ShippedUnit,
} from "./shipment-record";

export const NO_SUCH_SHIPMENT =
  "No such shipment is on its way to your organisation: check the reference on the paperwork, or ask the sender.";

/** What one answer to a shipment covers, and whether the chain still takes it whole. */
export type ReceiptPlan = {
  shipment: ShipmentRecord;
  /** The pallets answered in full by it (their SSCCs go in the receipt's epcList). */
  units: ShippedUnit[];
  /** The lots it answers: those still on their way, of the pallets chosen or of the whole shipment. */
  lots: ShipmentLot[];
  isWhole: boolean;
  /** Said to the user when fewer lots are answered than asked for, and why. */
  note: string | null;
};

/**
 * Plans the member's answer to the shipment `reference`: all of it when no SSCC is given, else the
 * given pallets. Refused: a shipment not on its way to the member's organisation (as if there were
 * none), a pallet not on it, nothing left to answer, an answer already waiting for the ledger.
 */
export async function planReceipt(
  tx: Tx,
  member: Member,
  reference: string,
  ssccs: string[],
): Promise<ReceiptPlan> {
  const shipment = await findShipmentRecord(tx, reference);
  if (!shipment || shipment.recipient !== member.organization.chainAddress) {
    throw new AppError("NOT_FOUND", NO_SUCH_SHIPMENT);
  }
  const chosen = ssccs.map((sscc) => {
    const unit = shipment.units.find((u) => u.sscc === sscc);
    if (!unit) {
      throw new AppError(
        "INVALID_INPUT",
        `Pallet ${sscc} is not on this shipment: check the SSCC on its label.`,
        { field: "ssccs" },
      );
    }
    return unit;
  });
  const all = await findShipmentLots(tx, shipment);
  const asked = chosen.length > 0 ? new Set(chosen.flatMap((unit) => unit.lotIds)) : null;
  const lots = all.filter((lot) => lot.isOpen && (!asked || asked.has(lot.id)));
  if (lots.length === 0) {
    throw new AppError(
      "CONFLICT",
      chosen.length === 1
        ? `Pallet ${chosen[0]?.sscc} is already received or refused: nothing on it is left to answer.`
        : "Everything on this shipment is already received or refused: nothing is left to answer.",
    );
  }
  await assertNoAnswerInFlight(tx, shipment.number, lots);
  // Pallets that carry everything on the shipment are answered whole too: one slot, less gas.
  const isWhole =
    shipment.answer === null &&
    all.length === shipment.lotIds.length &&
    all.every((lot) => lot.isOpen && (!asked || asked.has(lot.id)));
  const open = new Set(lots.map((lot) => lot.id));
  const units = (asked ? chosen : shipment.units).filter((unit) =>
    unit.lotIds.every((id) => open.has(id)),
  );
  const left = (asked?.size ?? shipment.lotIds.length) - lots.length;
  const note =
    left === 0
      ? null
      : `${left} ${left === 1 ? "lot was" : "lots were"} already answered, taken back or recalled on ${left === 1 ? "its" : "their"} own, so the ${lots.length} still on the way ${lots.length === 1 ? "is" : "are"} answered lot by lot.`;
  return { shipment, units, lots, isWhole, note };
}

/** One answer per shipment at a time: the chain would judge a second against a changing state. */
async function assertNoAnswerInFlight(tx: Tx, number: number, lots: ShipmentLot[]) {
  const whole = await tx.ledgerTransaction.findFirst({
    where: {
      method: { in: ["acceptShipment", "rejectShipment"] },
      status: { in: ["PENDING", "SIGNED"] },
      args: { path: ["0"], equals: String(number) },
    },
    select: { id: true },
  });
  if (whole) {
    throw new AppError(
      "CONFLICT",
      "This shipment's answer is already waiting for the ledger: wait until that is recorded.",
    );
  }
  for (const lot of lots) await assertNoWriteInFlight(tx, lot.id, lot.lotCode);
}
