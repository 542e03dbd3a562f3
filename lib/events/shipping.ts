import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { type EpcisEvent, locationId, partyId } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import {
  assertCanRecord,
  assertHoldsCustody,
  CUSTODY_KINDS,
  requireHeldLot,
} from "@/lib/lots/guards";
import { eventBase } from "./event-base";
import { enqueueLedgerWrite } from "./ledger-write";
import { memberSiteGln } from "./locations";
import { heldQuantityList } from "./new-lots";

const shipLotInput = z.object({
  /** GLN of the organisation the lot is shipped to. */
  recipientGln: z.string().trim().min(1, "Choose who the lot is shipped to."),
  /** The bill of lading number; empty = LotLedger's own shipment number is the reference document. */
  billOfLading: z
    .string()
    .trim()
    .max(40, "The bill of lading number is too long: at most 40 characters.")
    .optional(),
  /** Who moves it, when the recipient is not the carrier itself. */
  carrierName: z
    .string()
    .trim()
    .max(120, "The carrier's name is too long: at most 120 characters.")
    .optional(),
});

/**
 * Ships a lot the member's organisation holds to another organisation (FSMA 204 shipping CTE): the
 * first step of the two-step handoff, queued in the outbox. The recipient accepts or rejects it.
 * `input` is the ship form or the API body: { recipientGln, billOfLading?, carrierName? }.
 */
export async function handOffLot({
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
  const { recipientGln, billOfLading, carrierName } = parseInput(
    shipLotInput,
    input,
    "Choose who the lot is shipped to.",
  );
  assertCanRecord(member, "ship the lot");
  assertHoldsCustody(member, "ship lots");
  return db.$transaction(async (tx) => {
    const lot = await requireHeldLot(tx, member, lotId, "be shipped");
    const recipient = await tx.organization.findUnique({
      where: { gln: recipientGln },
      select: { chainAddress: true, kind: true, name: true, gln: true },
    });
    if (!recipient || !CUSTODY_KINDS.includes(recipient.kind)) {
      throw new AppError(
        "INVALID_INPUT",
        "The recipient is not an organisation that can receive lots: choose a farm, packer, processor, carrier or retailer.",
        { field: "recipientGln" },
      );
    }
    if (recipient.chainAddress === member.organization.chainAddress) {
      throw new AppError(
        "INVALID_INPUT",
        "A lot cannot be shipped to its own holder: choose another organisation.",
        { field: "recipientGln" },
      );
    }
    const [destination] = await tx.location.findMany({
      where: { organization: { gln: recipient.gln } },
      orderBy: { createdAt: "asc" },
      take: 1,
      select: { gln: true },
    });
    const shipment = crypto.randomUUID();
    const payload: EpcisEvent = {
      ...eventBase({
        member,
        cte: "shipping",
        action: "OBSERVE",
        bizStep: "shipping",
        disposition: "in_transit",
        locationGln: await memberSiteGln(tx, member),
        date: null,
        document: billOfLading
          ? { type: "bol", number: billOfLading }
          : { type: "desadv", number: shipment },
      }),
      quantityList: heldQuantityList(lot),
      destinationList: [
        { type: "owning_party", id: partyId(recipient.gln) },
        ...(destination ? [{ type: "location" as const, id: locationId(destination.gln) }] : []),
      ],
      kde: { shipment, carrierName: carrierName || null },
    };
    const { id } = await enqueueLedgerWrite(tx, member, {
      payload,
      call: (payloadHash) => ({
        method: "handoff",
        args: [lotId, recipient.chainAddress, payloadHash],
      }),
      lotId,
    });
    return { writeId: id };
  });
}
