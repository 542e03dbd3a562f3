import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { eventBase } from "@/lib/events/event-base";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { heldQuantityList } from "@/lib/events/new-lots";
import { receiptParties } from "@/lib/events/receiving";
import { REJECTION_REASON } from "@/lib/events/receiving-terms";
import { parseSscc } from "@/lib/gs1/keys";
import { parsedBy, parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody } from "@/lib/lots/guards";
import { assertLotNotOnHold } from "@/lib/lots/hold-guard";
import { planReceipt } from "./receipt-plan";

const receiveInput = z
  .object({
    decision: z.enum(["accept", "reject"], "Choose accept or reject."),
    /** The pallets answered; none = the whole shipment. */
    ssccs: z
      .preprocess(
        (value) => [value ?? []].flat().filter((v) => !(typeof v === "string" && v.trim() === "")),
        z.array(parsedBy(parseSscc)).max(100, "Answer at most 100 pallets at once."),
      )
      .transform((items) => [...new Set(items)]),
    reason: z
      .string()
      .trim()
      .max(200, "The reason is too long: at most 200 characters.")
      .optional()
      .transform((text) => text || null),
  })
  .superRefine((answer, context) => {
    if (answer.decision === "reject" && !answer.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: REJECTION_REASON });
    }
  });

/**
 * The recipient answers a shipment (the receiving CTE of every lot answered) in ONE ledger write:
 * the whole shipment (acceptShipment / rejectShipment, by the chain's shipment number), or some of
 * its pallets (acceptBatch / rejectBatch with their lots). Once a lot of it was answered, taken back
 * or recalled on its own, the chain no longer takes a whole answer: the lots still on their way are
 * then answered by lot, and `note` says so. The payload is an EPCIS ObjectEvent (receiving) with the
 * SSCCs answered in epcList, their lots in quantityList, kde.shipment and the shipment's document.
 * `input`: { decision: "accept" | "reject", ssccs?, reason? (required to reject) }.
 */
export async function receiveShipment({
  db,
  member,
  reference,
  input,
  idempotencyKey,
}: {
  db: Db;
  member: Member;
  reference: string;
  input: unknown;
  idempotencyKey?: string;
}): Promise<{ writeId: string; note: string | null }> {
  const answer = parseInput(receiveInput, input, "Choose accept or reject.");
  assertCanRecord(member, "receive the shipment");
  assertHoldsCustody(member, "receive shipments");
  return db.$transaction(async (tx) => {
    const plan = await planReceipt(tx, member, reference, answer.ssccs);
    const isAccepted = answer.decision === "accept";
    if (isAccepted) {
      for (const lot of plan.lots) await assertLotNotOnHold(tx, lot.id, "be received");
    }
    const { shipment } = plan;
    const base = eventBase({
      member,
      cte: "receiving",
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: isAccepted ? "in_progress" : "non_conformant",
      locationGln: await memberSiteGln(tx, member),
      date: null,
      document: null,
    });
    const payload: EpcisEvent = {
      ...base,
      bizTransactionList: shipment.payload?.bizTransactionList ?? [],
      epcList: plan.units.map((unit) => unit.epc),
      quantityList: plan.lots.flatMap(heldQuantityList),
      ...(await receiptParties(tx, member, shipment.payload, shipment.sender)),
      kde: { shipment: reference, decision: answer.decision, reason: answer.reason },
    };
    const lotIds = plan.lots.map((lot) => lot.id);
    const number = String(shipment.number);
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) =>
        plan.isWhole
          ? {
              method: isAccepted ? "acceptShipment" : "rejectShipment",
              args: [number, payloadHash],
            }
          : {
              method: isAccepted ? "acceptBatch" : "rejectBatch",
              args: [number, lotIds, payloadHash],
            },
      lotId: lotIds[0] as string,
      idempotencyKey,
    });
    return { writeId: id, note: plan.note };
  });
}
