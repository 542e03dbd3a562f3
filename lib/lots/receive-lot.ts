import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { enqueueLedgerWrite } from "@/lib/chain/outbox/enqueue";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent, locationId, partyId } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { eventBase } from "@/lib/events/event-base";
import { findMainSiteGln, memberSiteGln } from "@/lib/events/locations";
import { heldQuantityList } from "@/lib/events/new-lots";
import { assertCanRecord, assertHoldsCustody, assertNoWriteInFlight } from "./guards";

export const receiveLotInput = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("accept") }),
  z.object({
    decision: z.literal("reject"),
    reason: z
      .string()
      .trim()
      .min(1, "Say why the lot is rejected, e.g. “temperature too high on arrival”."),
  }),
]);

/**
 * The receiving CTE: the recipient of a shipment accepts it (custody moves to it) or rejects it with a
 * reason (it stays with the sender). Only the organisation the lot was shipped to can answer.
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
  input: z.infer<typeof receiveLotInput>;
}): Promise<{ writeId: string }> {
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
    const isAccepted = input.decision === "accept";
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
    const senderSite = sender ? await findMainSiteGln(tx, sender.id) : null;
    const body: EpcisEvent = {
      ...base,
      // The shipment's reference document travels with it: the receiver records the same one.
      bizTransactionList: await shipmentDocuments(tx, lotId),
      quantityList: heldQuantityList(lot),
      sourceList: [
        ...(sender ? [{ type: "owning_party" as const, id: partyId(sender.gln) }] : []),
        ...(senderSite ? [{ type: "location" as const, id: locationId(senderSite) }] : []),
      ],
      destinationList: [{ type: "owning_party", id: partyId(member.organization.gln) }],
      kde: { decision: input.decision, reason: isAccepted ? null : input.reason },
    };
    const payloadHash = hashPayload(body as unknown as PayloadValue);
    return enqueueLedgerWrite(tx, {
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      method: input.decision === "accept" ? "acceptHandoff" : "rejectHandoff",
      args: [lotId, payloadHash],
      payloadHash,
      payloadBody: body as object,
      lotId,
    }).then(({ id }) => ({ writeId: id }));
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
