import "server-only";
import type { Member } from "@/lib/auth/session";
import { enqueueLedgerWrite, type LedgerArg } from "@/lib/chain/outbox/enqueue";
import { hashPayload, type PayloadValue } from "@/lib/chain/payload";
import type { Tx } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import type { NewLot } from "./new-lots";

/** What a critical tracking event writes: one LotTracker call, its EPCIS payload, the lots it makes. */
export type EventWrite = {
  method: string;
  args: (hash: string) => LedgerArg[];
  body: EpcisEvent;
  /** The lot the write concerns (the first input, or the lot created). */
  lotId: string;
  newLots?: NewLot[];
};

/**
 * Puts the event in the outbox with its payload and commissions the new lots' packages, all in the
 * caller's transaction: the serials exist exactly when the write that anchors their root does.
 */
export async function enqueueEvent(
  tx: Tx,
  member: Member,
  write: EventWrite,
): Promise<{ id: string }> {
  const body = write.body as unknown as PayloadValue;
  const payloadHash = hashPayload(body);
  const { id } = await enqueueLedgerWrite(tx, {
    organizationId: member.organization.id,
    signerAddress: member.organization.chainAddress,
    requestedById: member.userId,
    method: write.method,
    args: write.args(payloadHash),
    payloadHash,
    payloadBody: body as object,
    lotId: write.lotId,
  });
  const packages = (write.newLots ?? []).flatMap((lot) =>
    lot.serials.map((serial) => ({ lotId: lot.id, serial, ledgerTransactionId: id })),
  );
  if (packages.length > 0) await tx.package.createMany({ data: packages });
  return { id };
}
