import "server-only";
import { auditLedgerWrite } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import { insertLedgerTransaction, type LedgerCall } from "@/lib/chain/outbox/enqueue";
import { type LedgerWriteState, waitForLedgerWrite } from "@/lib/chain/outbox/wait";
import { hashPayload } from "@/lib/chain/payload";
import type { Db, Tx } from "@/lib/db/client";
import { type EpcisEvent, isEpcisEvent } from "@/lib/epcis/event";
import { toStandardEvent } from "@/lib/epcis/standard-event";
import { getIndexedBlock } from "@/lib/indexer/indexer";
import { recordCapturedEvent, recordEpcisEvent } from "./epcis-repository";
import { assertOwnGtins, type NewLot } from "./new-lots";

// The one door to the ledger: every write a person asks for (a critical tracking event, shipping,
// receiving, a recall, its lifting, a batch of readings) enters the outbox here, signed by the
// person's organisation, with its off-chain payload.

/** A ledger write as a domain asks for it. */
export type LedgerWriteRequest = {
  /** The off-chain payload (an EPCIS event, a recall notice): its keccak256 is what goes on-chain. */
  payload: object;
  /** The LotTracker call, given the payload's hash. */
  call: (payloadHash: string) => LedgerCall;
  /** The lot the write concerns (the first input, or the lot created); none for an anchor of captured events. */
  lotId?: string;
  /** Lots it creates: their packages are commissioned with it. */
  newLots?: NewLot[];
  /** The client's Idempotency-Key: a second write under it fails the caller's transaction. */
  idempotencyKey?: string;
  /**
   * A captured EPCIS event this write anchors: its repository row is written from the document as
   * captured (hash ID as captured) instead of from the payload, in the same transaction.
   */
  epcis?: { eventId: string; document: Record<string, unknown>; captureJobId: string | null };
};

/** The write of a critical tracking event: its payload is the EPCIS event. */
export type EventWrite = LedgerWriteRequest & { payload: EpcisEvent; lotId: string };

/**
 * Puts the write in the outbox with its payload, adds an EPCIS event payload to the EPCIS repository
 * under its hash ID, commissions the new lots' packages and writes the audit log's entry, in the
 * caller's transaction: the event, the serials and the entry exist exactly when the write that
 * anchors them does.
 */
export async function enqueueLedgerWrite(
  tx: Tx,
  member: Member,
  { payload, call, lotId, newLots = [], idempotencyKey, epcis }: LedgerWriteRequest,
): Promise<{ id: string; payloadHash: string }> {
  // Every write that registers lots passes here, so no path can queue one LotTracker would refuse.
  await assertOwnGtins(tx, member, newLots);
  const payloadHash = hashPayload(payload);
  const ledgerCall = call(payloadHash);
  const { id } = await insertLedgerTransaction(tx, {
    ...ledgerCall,
    organizationId: member.organization.id,
    signerAddress: member.organization.chainAddress,
    requestedById: member.userId,
    lotId,
    payload: { hash: payloadHash, body: payload },
  });
  // (organizationId, idempotencyKey) is unique: a replay raced past the route's check stops here.
  if (idempotencyKey)
    await tx.ledgerTransaction.update({ where: { id }, data: { idempotencyKey } });
  const lotIds = [...(lotId ? [lotId] : []), ...newLots.map((lot) => lot.id)];
  if (epcis) {
    await recordCapturedEvent(tx, {
      ...epcis,
      organizationId: member.organization.id,
      ledgerTransactionId: id,
      payloadHash,
      lotIds,
    });
  } else if (isEpcisEvent(payload)) {
    await recordEpcisEvent(tx, {
      document: toStandardEvent(payload),
      organizationId: member.organization.id,
      ledgerTransactionId: id,
      payloadHash,
      lotIds,
    });
  }
  const packages = newLots.flatMap((lot) =>
    lot.serials.map((serial) => ({ lotId: lot.id, serial, ledgerTransactionId: id })),
  );
  if (packages.length > 0) await tx.package.createMany({ data: packages });
  await auditLedgerWrite(tx, member, {
    ...ledgerCall,
    ledgerTransactionId: id,
    payload,
    lotId,
    newLots,
  });
  return { id, payloadHash };
}

/**
 * Waits up to `timeoutMs` for a queued write to be mined and indexed, or to fail: where it stands
 * then ("recorded", "refused: why", or honestly "still pending").
 */
export function waitForRecordedWrite(
  db: Db,
  { id, chainId, timeoutMs }: { id: string; chainId: number; timeoutMs: number },
): Promise<LedgerWriteState> {
  const isIndexed = async (blockNumber: number) =>
    (await getIndexedBlock(db, chainId)) >= blockNumber;
  return waitForLedgerWrite(db, { id, timeoutMs, isIndexed });
}
