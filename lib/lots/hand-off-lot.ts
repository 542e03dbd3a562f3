import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { enqueueLedgerWrite } from "@/lib/chain/outbox/enqueue";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCanRecord, assertNoWriteInFlight } from "./guards";

export const handOffLotInput = z.object({
  /** GLN of the organisation the lot is shipped to. */
  recipientGln: z.string().trim().min(1, "Choose who the lot is shipped to."),
});

/** Organisation kinds that take custody of lots (LotTracker's custody roles). */
const CUSTODY_KINDS = ["FARM", "PACKER", "PROCESSOR", "CARRIER", "RETAILER"];

/**
 * Ships a lot the member's organisation holds to another organisation (FSMA 204 shipping CTE): the
 * first step of the two-step handoff, queued in the outbox. The recipient accepts or rejects it.
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
  input: z.infer<typeof handOffLotInput>;
}): Promise<{ writeId: string }> {
  assertCanRecord(member, "ship the lot");
  const chainId = getEnv().CHAIN_ID;
  return db.$transaction(async (tx) => {
    const lot = await tx.lot.findUnique({
      where: { id: lotId },
      select: { custodian: true, status: true, lotCode: true, gtin: true },
    });
    if (!lot || lot.custodian !== member.organization.chainAddress) {
      throw new AppError(
        "NOT_FOUND",
        "Your organisation does not hold this lot, so it cannot ship it. Check the lot code, or ask its holder.",
      );
    }
    if (lot.status !== "ACTIVE") {
      throw new AppError(
        "CONFLICT",
        `Lot ${lot.lotCode} is ${lot.status.toLowerCase().replace("_", " ")}, so it cannot be shipped now.`,
      );
    }
    await assertNoWriteInFlight(tx, lotId, lot.lotCode);
    const recipient = await tx.organization.findUnique({
      where: { gln: input.recipientGln },
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
    const body = {
      type: "shipping",
      chainId,
      lotId,
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      shipFromGln: member.organization.gln,
      shipToGln: recipient.gln,
      requestId: crypto.randomUUID(),
      shippedAt: new Date().toISOString(),
    };
    const payloadHash = hashPayload(body);
    const { id } = await enqueueLedgerWrite(tx, {
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      method: "handoff",
      args: [lotId, recipient.chainAddress, payloadHash],
      payloadHash,
      payloadBody: body,
      lotId,
    });
    return { writeId: id };
  });
}
