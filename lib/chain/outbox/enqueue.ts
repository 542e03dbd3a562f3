import type { Tx } from "@/lib/db/client";

export type LedgerArg = string | LedgerArg[];

export type LedgerWrite = {
  organizationId: string;
  signerAddress: string;
  requestedById?: string;
  /** LotTracker function name, and its arguments with bigints as decimal strings (tuples as arrays). */
  method: string;
  args: LedgerArg[];
  payloadHash?: string;
  payloadBody?: object;
  lotId?: string;
};

/**
 * Puts a write in the outbox, with its off-chain payload, in the caller's database transaction: from
 * here on the sender process signs, sends and confirms it, and a crash at any point loses nothing.
 */
export async function enqueueLedgerWrite(tx: Tx, write: LedgerWrite): Promise<{ id: string }> {
  const { payloadBody, ...row } = write;
  if (write.payloadHash && payloadBody) {
    await tx.eventPayload.upsert({
      where: { hash: write.payloadHash },
      create: { hash: write.payloadHash, body: payloadBody },
      update: {},
    });
  }
  return tx.ledgerTransaction.create({ data: row, select: { id: true } });
}
