import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { parseInput } from "@/lib/input";
import { assertCanRecord, assertHoldsCustody, requireLotInTransit } from "@/lib/lots/guards";
import { findLatestShipment } from "@/lib/lots/latest-shipment";
import { eventBase } from "./event-base";
import { enqueueLedgerWrite } from "./ledger-write";
import { memberSiteGln } from "./locations";
import { heldQuantityList } from "./new-lots";

const cancelShipmentInput = z.object({
  /** Why the shipment is taken back ("wrong truck booked"); optional, kept in the payload. */
  reason: z
    .string()
    .trim()
    .max(200, "The reason is too long: at most 200 characters.")
    .optional()
    .transform((text) => text || null),
});

/**
 * The sender takes back a lot it shipped before the recipient answered (LotTracker.cancelHandoff):
 * the lot is active again where it was. The payload is an EPCIS ObjectEvent with CBV's
 * `void_shipping` business step, naming the shipment it voids by its reference documents. Not an FSMA
 * CTE: the shipping record stays, and this one says the goods never left.
 * `input` is the lot page's form or an API body: { reason? }.
 */
export async function cancelShipment({
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
  const { reason } = parseInput(cancelShipmentInput, input, "Say why, or leave it empty.");
  assertCanRecord(member, "cancel the shipment");
  assertHoldsCustody(member, "cancel shipments");
  return db.$transaction(async (tx) => {
    const lot = await requireLotInTransit(tx, lotId, {
      party: "custodian",
      address: member.organization.chainAddress,
      refusal:
        "Only a shipment your organisation sent and nobody has received yet can be cancelled; this one cannot.",
    });
    const shipment = await findLatestShipment(tx, lotId);
    const payload = {
      ...eventBase({
        member,
        cte: "shipment_cancelled",
        action: "OBSERVE",
        bizStep: "void_shipping",
        disposition: "active",
        locationGln: await memberSiteGln(tx, member),
        date: null,
        document: null,
      }),
      bizTransactionList: shipment?.bizTransactionList ?? [],
      quantityList: heldQuantityList(lot),
      kde: { shipment: shipment?.kde?.shipment ?? null, reason },
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({ method: "cancelHandoff", args: [lotId, payloadHash] }),
      lotId,
    });
    return { writeId: id };
  });
}
