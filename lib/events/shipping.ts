import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { type EpcisEvent, lotEpcClass } from "@/lib/epcis/event";
import { parseQuantity } from "@/lib/epcis/quantity";
import { parsedBy, parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody, requireHeldLot } from "@/lib/lots/guards";
import { enqueueLedgerWrite } from "./ledger-write";
import { heldQuantityList, newLotStruct, quantityElement } from "./new-lots";
import { planShippedPart } from "./ship-part";
import { planShippingEvent } from "./shipping-event";

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} is too long: at most ${max} characters.`)
    .optional()
    .transform((text) => text || null);

const shipLotInput = z.preprocess(
  // `billOfLading` is the API's older name of the document number.
  (input) =>
    typeof input === "object" && input !== null && "billOfLading" in input
      ? { documentNumber: (input as { billOfLading?: unknown }).billOfLading, ...input }
      : input,
  z.object({
    /** The immediate subsequent recipient: one of its locations' GLN, or its party GLN. */
    recipientGln: z.string().trim().min(1, "Choose where the lot is shipped to."),
    /** The party GLN of the carrier that holds it in transit; empty when the parties move it. */
    carrierGln: optionalText("carrier", 13),
    documentType: z
      .enum(["bol", "desadv"], "Choose a bill of lading or a despatch advice.")
      .default("bol"),
    /** The user's own bill of lading or despatch advice number; empty = LotLedger's shipment number. */
    documentNumber: optionalText("bill of lading or despatch advice number", 40),
    /** A carrier outside LotLedger, by name (the API's; custody then goes to the recipient). */
    carrierName: optionalText("carrier's name", 120),
    /** How much of the lot ships, in its unit; empty or all of it ships the whole lot. */
    quantity: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      parsedBy(parseQuantity).optional(),
    ),
  }),
);

/**
 * Ships a lot the member's organisation holds (FSMA 204 shipping CTE): the first step of the two-step
 * handoff, queued in the outbox. The shipment names its destination (the immediate subsequent
 * recipient and its location) and, apart, the carrier that holds it in transit: custody on the ledger
 * goes to whoever takes it next, the carrier when there is one. A carrier delivering a lot it picked
 * up ships on the original shipper's behalf: same owner, ship-from location and documents.
 * Shipping less than the whole lot ships a part of it (ship-part.ts): one LotTracker.handoffPart
 * splits the lot into the part that travels and the remainder and ships the part; the payload counts
 * the part in `quantityList`, as a shipping CTE does, and names the lot it came from and the remainder.
 * `input` is the ship form or the API body: { recipientGln, carrierGln?, documentType?,
 * documentNumber? (or billOfLading), carrierName?, quantity? }.
 * Returns the queued write and the lot that is now on its way (the part, when part of it ships).
 */
export async function handOffLot({
  db,
  member,
  lotId,
  input,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  lotId: string;
  input: unknown;
  /** The API client's Idempotency-Key (lib/api/idempotency.ts). */
  idempotencyKey?: string;
}): Promise<{ writeId: string; lotId: string }> {
  const shipping = parseInput(shipLotInput, input, "Choose where the lot is shipped to.");
  assertCanRecord(member, "ship the lot");
  assertHoldsCustody(member, "ship lots");
  return db.$transaction(async (tx) => {
    const lot = await requireHeldLot(tx, member, lotId, "be shipped");
    const part = await planShippedPart(tx, member, lot, shipping.quantity ?? null);
    const shipment = crypto.randomUUID();
    const { event, nextHolder, hasCarrier } = await planShippingEvent(tx, member, {
      terms: shipping,
      leadLotId: lotId,
      reference: shipment,
    });
    const payload: EpcisEvent = {
      ...event,
      quantityList: part ? [quantityElement(part.shipped)] : heldQuantityList(lot),
      kde: {
        shipment,
        carrierName: hasCarrier ? null : shipping.carrierName,
        // The part's TLC came from this lot: FSMA's shipping KDEs name the part, the trace its origin.
        ...(part
          ? {
              partOf: lotEpcClass(lot.gtin, lot.lotCode),
              remainderQuantityList: [quantityElement(part.remainder)],
            }
          : {}),
      },
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) =>
        part
          ? {
              method: "handoffPart",
              args: [
                lotId,
                newLotStruct(part.shipped),
                newLotStruct(part.remainder),
                nextHolder.chainAddress,
                payloadHash,
              ],
            }
          : { method: "handoff", args: [lotId, nextHolder.chainAddress, payloadHash] },
      lotId,
      newLots: part ? [part.shipped, part.remainder] : [],
      idempotencyKey,
    });
    return { writeId: id, lotId: part?.shipped.id ?? lotId };
  });
}
