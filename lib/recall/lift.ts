import "server-only";
import type { Member } from "@/lib/auth/session";
import type { Db, Tx } from "@/lib/db/client";
import type { EpcisEvent } from "@/lib/epcis/event";
import { AppError } from "@/lib/errors";
import { enqueueLedgerWrite } from "@/lib/events/ledger-write";
import { memberSiteGln } from "@/lib/events/locations";
import { assertNoWriteInFlight } from "@/lib/lots/guards";
import { findVisibleRecall, liftRefusal, requireVisibleRecall } from "./access";
import type { LiftStatus } from "./in-force";
import { queueLiftNotices } from "./notifications/queue";
import { lockRecall } from "./progress";
import { type NoticeLot, recallObjectEvent } from "./start";
import type { LiftInput } from "./terms";

/**
 * Lifts a recall: checks who may (as LotTracker.liftRecall does) and that the recall stands on the
 * ledger, then in one database transaction puts LotTracker.liftRecall(lotId, hash of the lift notice)
 * in the ledger outbox, records the lift on the recall and queues a notice to every organisation asked
 * to act on it (sent once the ledger has recorded the lift). The recall is lifted once the ledger has
 * recorded that write; a refusal writes nothing.
 */
export async function liftRecall({
  db,
  member,
  recallId,
  input,
  appUrl,
}: {
  db: Db;
  member: Member;
  recallId: string;
  input: LiftInput;
  /** Where LotLedger is served: notices link to the recall's page. */
  appUrl: string;
}): Promise<{ writeId: string }> {
  const recall = requireVisibleRecall(await findVisibleRecall({ db, member, recallId }));
  const initiator = await db.organization.findUniqueOrThrow({
    where: { id: recall.initiatedByOrganizationId },
    select: { id: true, name: true },
  });
  const refusal = liftRefusal(member, initiator);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  await assertRecallRecorded(db, recall);
  const lot = await db.lot.findUniqueOrThrow({
    where: { id: recall.lotId },
    select: { gtin: true, lotCode: true, quantity: true, unit: true },
  });
  const notice = buildLiftNotice({
    member,
    lot: { ...lot, quantity: lot.quantity?.toString() ?? null },
    locationGln: await memberSiteGln(db, member),
    input,
  });

  return db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    await assertNotLifted(tx, recall.id, recall.lotCode);
    await assertNoWriteInFlight(tx, recall.lotId, recall.lotCode);
    const write = await enqueueLedgerWrite(tx, member, {
      payload: notice,
      call: (reasonHash) => ({ method: "liftRecall", args: [recall.lotId, reasonHash] }),
      lotId: recall.lotId,
    });
    await tx.recall.update({
      where: { id: recall.id },
      data: {
        liftReason: input.reason,
        liftedById: member.userId,
        liftLedgerTransactionId: write.id,
        liftPayloadHash: write.payloadHash,
      },
    });
    await queueLiftNotices(tx, {
      recall,
      lifter: member.organization,
      reason: input.reason,
      liftWriteId: write.id,
      appUrl,
    });
    return { writeId: write.id };
  });
}

/**
 * The off-chain notice whose keccak256 is LotTracker.liftRecall's reasonHash: the lot observed back
 * in commerce (disposition "active"). CBV 2.0 has no "release" business step; "inspecting" is the one
 * that ends a hold: the goods were checked and found fit for sale.
 */
function buildLiftNotice({
  input,
  ...where
}: {
  member: Member;
  lot: NoticeLot;
  /** Where the recall is lifted from: the lifting organisation's main site. */
  locationGln: string;
  input: LiftInput;
}): EpcisEvent {
  return recallObjectEvent({
    ...where,
    bizStep: "inspecting",
    disposition: "active",
    kde: { recallLifted: true, liftReason: input.reason },
  });
}

/** Only a recall the ledger recorded can be lifted there: LotTracker would refuse any other. */
async function assertRecallRecorded(
  db: Db,
  recall: { ledgerTransactionId: string; lotCode: string },
): Promise<void> {
  const { status } = await db.ledgerTransaction.findUniqueOrThrow({
    where: { id: recall.ledgerTransactionId },
    select: { status: true },
  });
  if (status === "FAILED") {
    throw new AppError(
      "CONFLICT",
      `The ledger refused this recall of lot ${recall.lotCode}, so it is not in force: there is nothing to lift.`,
    );
  }
  if (status !== "CONFIRMED") {
    throw new AppError(
      "CONFLICT",
      `This recall of lot ${recall.lotCode} is still waiting for the ledger: lift it once it is recorded.`,
    );
  }
}

/** Read under the recall's lock, so two people lifting at once queue one write; a refused lift may be retried. */
async function assertNotLifted(tx: Tx, recallId: string, lotCode: string): Promise<void> {
  const { liftLedgerTransactionId } = await tx.recall.findUniqueOrThrow({
    where: { id: recallId },
    select: { liftLedgerTransactionId: true },
  });
  if (!liftLedgerTransactionId) return;
  const { status } = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { id: liftLedgerTransactionId },
    select: { status: true },
  });
  if (status === "CONFIRMED") {
    throw new AppError("CONFLICT", `This recall of lot ${lotCode} is already lifted.`);
  }
  if (status !== "FAILED") {
    throw new AppError(
      "CONFLICT",
      `The lifting of this recall of lot ${lotCode} is already waiting for the ledger: wait until it is recorded.`,
    );
  }
}

export type RecallLiftView = {
  status: LiftStatus;
  reason: string;
  liftedBy: string;
  /** When the ledger recorded it (the write's last change), or when it was asked for. */
  at: Date;
  txHash: string | null;
  /** The ledger's reason for refusing it. */
  error: string | null;
};

/** Where the lifting of a recall stands, or null when nobody has asked to lift it. */
export async function getRecallLift(
  db: Db,
  recall: { liftLedgerTransactionId: string | null; liftReason: string | null },
): Promise<Omit<RecallLiftView, "liftedBy"> | null> {
  if (!recall.liftLedgerTransactionId) return null;
  const write = await db.ledgerTransaction.findUniqueOrThrow({
    where: { id: recall.liftLedgerTransactionId },
    select: { status: true, txHash: true, error: true, updatedAt: true },
  });
  return {
    status: write.status,
    reason: recall.liftReason ?? "",
    at: write.updatedAt,
    txHash: write.txHash,
    error: write.error,
  };
}
