import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent, locationId, partyId } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody, assertNoWriteInFlight } from "@/lib/lots/guards";
import { eventBase } from "./event-base";
import { enqueueLedgerWrite } from "./ledger-write";
import { findMainSiteGln, memberSiteGln } from "./locations";
import { heldQuantityList } from "./new-lots";

const REJECTION_REASON = "Say why the lot is rejected, e.g. “temperature too high on arrival”.";

const receiveLotInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("accept") }),
    z.object({
      decision: z.literal("reject"),
      reason: z.string(REJECTION_REASON).trim().min(1, REJECTION_REASON),
    }),
  ],
  "Choose accept or reject.",
);

/**
 * The receiving CTE: the recipient of a shipment accepts it (custody moves to it) or rejects it with a
 * reason (it stays with the sender). Only the organisation the lot was shipped to can answer.
 * `input` is the receive form or the API body: { decision: "accept" } or { decision: "reject", reason }.
 */
export async function receiveLot({
  db,
  member,
  lotId,
  input,
}: {
  db: Db;
  member: Member;
  lotId: string;
  input: unknown;
}): Promise<{ writeId: string }> {
  const answer = parseInput(receiveLotInput, input, "Choose accept or reject.");
  assertCanRecord(member, "receive the lot");
  assertHoldsCustody(member, "receive lots");
  return db.$transaction(async (tx) => {
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
    if (lot?.status !== "IN_TRANSIT" || lot.recipient !== member.organization.chainAddress) {
      throw new AppError(
        "CONFLICT",
        "This lot is not on its way to your organisation, so it cannot be received here. Check the label, or ask the sender.",
      );
    }
    await assertNoWriteInFlight(tx, lotId, lot.lotCode);
    const sender = await tx.organization.findUnique({
      where: { chainAddress: lot.custodian },
      select: { id: true, gln: true },
    });
    const isAccepted = answer.decision === "accept";
    const senderSite = sender ? await findMainSiteGln(tx, sender.id) : null;
    const payload: EpcisEvent = {
      ...eventBase({
        member,
        cte: "receiving",
        action: "OBSERVE",
        bizStep: "receiving",
        disposition: isAccepted ? "in_progress" : "non_conformant",
        locationGln: await memberSiteGln(tx, member),
        date: null,
        document: null,
      }),
      // The shipment's reference document travels with it: the receiver records the same one.
      bizTransactionList: await shipmentDocuments(tx, lotId),
      quantityList: heldQuantityList(lot),
      sourceList: [
        ...(sender ? [{ type: "owning_party" as const, id: partyId(sender.gln) }] : []),
        ...(senderSite ? [{ type: "location" as const, id: locationId(senderSite) }] : []),
      ],
      destinationList: [{ type: "owning_party", id: partyId(member.organization.gln) }],
      kde: {
        decision: answer.decision,
        reason: answer.decision === "accept" ? null : answer.reason,
      },
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: isAccepted ? "acceptHandoff" : "rejectHandoff",
        args: [lotId, payloadHash],
      }),
      lotId,
    });
    return { writeId: id };
  });
}

/** The reference documents of the lot's latest shipment, from its payload. */
async function shipmentDocuments(tx: Tx, lotId: string): Promise<EpcisEvent["bizTransactionList"]> {
  const shipment = await tx.ledgerEvent.findFirst({
    where: { lotId, name: "LotHandedOff" },
    orderBy: [{ blockNumber: "desc" }, { logIndex: "desc" }],
    select: { payloadHash: true },
  });
  const payload = shipment?.payloadHash
    ? await tx.eventPayload.findUnique({ where: { hash: shipment.payloadHash } })
    : null;
  return isEpcisEvent(payload?.body) ? (payload.body.bizTransactionList ?? []) : [];
}
