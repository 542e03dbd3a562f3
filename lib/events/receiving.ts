import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, locationId, partyId, type SourceDestination } from "@/lib/epcis/event";
import { shipmentPartiesOf } from "@/lib/epcis/shipment";
import { parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody, requireLotInTransit } from "@/lib/lots/guards";
import { assertLotNotOnHold } from "@/lib/lots/hold-guard";
import { findLatestShipment } from "@/lib/lots/latest-shipment";
import { requireVisibleLot } from "@/lib/lots/visibility";
import { eventBase } from "./event-base";
import { enqueueLedgerWrite } from "./ledger-write";
import { findMainSiteGln, memberSiteGln } from "./locations";
import { heldQuantityList } from "./new-lots";
import { arrivalCheckFields, arrivalFields } from "./receipt-check";
import { REJECTION_REASON } from "./receiving-terms";

export const NOT_ON_ITS_WAY =
  "This lot is not on its way to your organisation, so it cannot be received here. Check the label, or ask the sender.";

const receiveLotInput = z.discriminatedUnion(
  "decision",
  [
    z.object({ decision: z.literal("accept"), ...arrivalCheckFields }),
    z.object({
      decision: z.literal("reject"),
      reason: z.string(REJECTION_REASON).trim().min(1, REJECTION_REASON),
      ...arrivalCheckFields,
    }),
  ],
  "Choose accept or reject.",
);

/**
 * The receiving CTE: the recipient of a shipment accepts it (custody moves to it) or rejects it with a
 * reason (it stays with the sender). Only the organisation the lot was shipped to can answer.
 * Either answer may record what the receiver found (receipt-check.ts): the counted quantity, whose
 * difference from the shipped quantity goes into the payload, the condition and the temperature.
 * `input` is the receive form or the API body: { decision: "accept" } or { decision: "reject", reason },
 * each with { countedQuantity?, condition?, temperature? }.
 */
export async function receiveLot({
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
}): Promise<{ writeId: string }> {
  const answer = parseInput(receiveLotInput, input, "Choose accept or reject.");
  assertCanRecord(member, "receive the lot");
  assertHoldsCustody(member, "receive lots");
  return db.$transaction(async (tx) => {
    // A stranger learns nothing, not even that the lot exists (lib/lots/visibility).
    await requireVisibleLot({ db: tx, member, lotId });
    const lot = await requireLotInTransit(tx, lotId, {
      party: "recipient",
      address: member.organization.chainAddress,
      refusal: NOT_ON_ITS_WAY,
    });
    const isAccepted = answer.decision === "accept";
    // Refusing a held delivery stays possible: it goes back to its sender, who may release it.
    if (isAccepted) await assertLotNotOnHold(tx, lotId, "be received");
    const shipment = await findLatestShipment(tx, lotId);
    const base = eventBase({
      member,
      cte: "receiving",
      action: "OBSERVE",
      bizStep: "receiving",
      disposition: "in_progress",
      locationGln: await memberSiteGln(tx, member),
      date: null,
      document: null,
    });
    const arrival = arrivalFields(heldQuantityList(lot)[0], lot.unit, answer, base.eventTime);
    const payload: EpcisEvent = {
      ...base,
      ...arrival,
      // A refused delivery is non-conformant whatever its condition; the condition stays in `kde`.
      disposition: isAccepted ? arrival.disposition : "non_conformant",
      // The shipment's reference document travels with it: the receiver records the same one.
      bizTransactionList: shipment?.bizTransactionList ?? [],
      ...(await receiptParties(tx, member, shipment, lot.custodian)),
      kde: {
        decision: answer.decision,
        reason: answer.decision === "accept" ? null : answer.reason,
        ...arrival.kde,
      },
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: isAccepted ? "acceptHandoff" : "rejectHandoff",
        args: [lotId, payloadHash],
      }),
      lotId,
      idempotencyKey,
    });
    return { writeId: id };
  });
}

/**
 * Who the goods come from and go to, as the shipment said (CBV source and destination types): the
 * owner that shipped them and its ship-from location, who hands them over (its possessing party),
 * and the recipient with the receiver taking possession — the store receiving from a carrier records
 * the farm as its source, the carrier picking up records the store as the owner it carries for.
 * A shipment stored before possessing parties were recorded names the sender as its custodian.
 */
export async function receiptParties(
  tx: Tx,
  member: Member,
  shipment: EpcisEvent | null,
  custodian: string,
): Promise<Pick<EpcisEvent, "sourceList" | "destinationList">> {
  const myGln = member.organization.gln;
  const parties = shipmentPartiesOf(shipment);
  const sender = await tx.organization.findUnique({
    where: { chainAddress: custodian },
    select: { id: true, gln: true },
  });
  const shipperGln = parties?.shipperGln ?? sender?.gln ?? null;
  const shipFromGln =
    parties?.shipFromGln ?? (sender ? await findMainSiteGln(tx, sender.id) : null);
  const source: SourceDestination[] = [
    ...(shipperGln ? [{ type: "owning_party" as const, id: partyId(shipperGln) }] : []),
    ...(sender ? [{ type: "possessing_party" as const, id: partyId(sender.gln) }] : []),
    ...(shipFromGln ? [{ type: "location" as const, id: locationId(shipFromGln) }] : []),
  ];
  const destination: SourceDestination[] = [
    { type: "owning_party", id: partyId(parties?.recipientGln ?? myGln) },
    { type: "possessing_party", id: partyId(myGln) },
    ...(parties?.destinationGln
      ? [{ type: "location" as const, id: locationId(parties.destinationGln) }]
      : []),
  ];
  return { sourceList: source, destinationList: destination };
}
