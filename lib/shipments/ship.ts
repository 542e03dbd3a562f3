import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { heldQuantityList } from "@/lib/events/new-lots";
import { planShippingEvent } from "@/lib/events/shipping-event";
import { parseSscc } from "@/lib/gs1/keys";
import { parsedBy, parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody } from "@/lib/lots/guards";
import { requireShippedGoods } from "./shipped-goods";

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `The ${label} is too long: at most ${max} characters.`)
    .optional()
    .transform((text) => text || null);

/** One value or several, as a form or a body sends them; blanks and repeats dropped. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .preprocess(
      (value) => [value ?? []].flat().filter((v) => !(typeof v === "string" && v.trim() === "")),
      z.array(item).max(100, "A shipment carries at most 100 pallets and 100 loose lots."),
    )
    .transform((items) => [...new Set(items)]);

const shipInput = z.object({
  recipientGln: z.string().trim().min(1, "Choose who the shipment goes to."),
  carrierGln: optionalText("carrier", 13),
  ssccs: list(parsedBy(parseSscc)),
  lotIds: list(z.string().trim().max(66, "A lot id is at most 66 characters.")),
  documentType: z
    .enum(["bol", "desadv"], "Choose a bill of lading or a despatch advice.")
    .default("bol"),
  documentNumber: optionalText("bill of lading or despatch advice number", 40),
});

/**
 * Ships pallets and loose lots the member's organisation holds to one recipient in ONE ledger write
 * (LotTracker.handoffBatch): the FSMA 204 shipping CTE of every lot on board. The payload is one
 * EPCIS ObjectEvent (shipping, in_transit) with the pallets' SSCCs in epcList, every lot in
 * quantityList, the reference document, and kde.shipment, a new UUID that is the shipment's
 * reference until and after the chain numbers it; kde.units says which lots ride on which pallet.
 * Parties as for one lot (lib/events/shipping.ts): custody goes to the carrier when there is one; a
 * carrier delivering goods it picked up ships on the shipper's behalf, keeping its documents.
 * `input`: { recipientGln, carrierGln?, ssccs?, lotIds?, documentType?, documentNumber? }.
 */
export async function shipGoods({
  db,
  member,
  input,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  input: unknown;
  idempotencyKey?: string;
}): Promise<{ writeId: string; reference: string }> {
  const shipping = parseInput(shipInput, input, "Choose what to ship and who it goes to.");
  assertCanRecord(member, "ship goods");
  assertHoldsCustody(member, "ship goods");
  return db.$transaction(async (tx) => {
    const { units, lots } = await requireShippedGoods(tx, member, shipping);
    const reference = crypto.randomUUID();
    const { event, nextHolder } = await planShippingEvent(tx, member, {
      terms: shipping,
      leadLotId: (lots[0] as { id: string }).id,
      reference,
    });
    const payload: EpcisEvent = {
      ...event,
      epcList: units.map((unit) => unit.parentId),
      quantityList: lots.flatMap(heldQuantityList),
      kde: {
        shipment: reference,
        units: units.map((unit) => ({ sscc: unit.sscc, lotIds: unit.lotIds })),
      },
    };
    const lotIds = lots.map((lot) => lot.id);
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: "handoffBatch",
        args: [lotIds, nextHolder.chainAddress, payloadHash],
      }),
      lotId: lotIds[0] as string,
      idempotencyKey,
    });
    return { writeId: id, reference };
  });
}
