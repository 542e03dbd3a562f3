import "server-only";
import { z } from "zod";
import type { Member } from "@/lib/auth/session";
import { enqueueLedgerWrite } from "@/lib/chain/outbox/enqueue";
import { hashPayload } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCanRecord, assertNoWriteInFlight } from "./guards";

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
  return db.$transaction(async (tx) => {
    const lot = await tx.lot.findUnique({
      where: { id: lotId },
      select: { status: true, recipient: true, custodian: true, lotCode: true, gtin: true },
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
      select: { gln: true },
    });
    const body = {
      type: "receiving",
      lotId,
      gtin: lot.gtin,
      lotCode: lot.lotCode,
      decision: input.decision,
      reason: input.decision === "reject" ? input.reason : null,
      previousSourceGln: sender?.gln ?? null,
      receivingGln: member.organization.gln,
      requestId: crypto.randomUUID(),
      receivedAt: new Date().toISOString(),
    };
    const payloadHash = hashPayload(body);
    return enqueueLedgerWrite(tx, {
      organizationId: member.organization.id,
      signerAddress: member.organization.chainAddress,
      requestedById: member.userId,
      method: input.decision === "accept" ? "acceptHandoff" : "rejectHandoff",
      args: [lotId, payloadHash],
      payloadHash,
      payloadBody: body,
      lotId,
    }).then(({ id }) => ({ writeId: id }));
  });
}
