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

type LiftOptions = { db: Db; member: Member; recallId: string; appUrl: string };

/**
 * Lifts a recall: checks who may (liftRefusal: an admin of the recalling organisation or a
 * regulator) and that the recall stands on the ledger. A Class I recall — a reasonable probability
 * of serious harm — is not lifted on one person's word: the request, with its reason, waits for a
 * second person's approval (approveLift) and nothing is written to the ledger yet. Any other recall
 * is lifted at once: in one database transaction LotTracker.liftRecall(lotId, hash of the lift
 * notice) goes in the ledger outbox, the lift is recorded on the recall and a notice is queued to
 * every organisation asked to act on it (sent once the ledger has recorded the lift). A refusal
 * writes nothing.
 */
export async function liftRecall({
  input,
  ...options
}: LiftOptions & { input: LiftInput }): Promise<{ writeId: string | null }> {
  const { db, member } = options;
  const recall = await requireLiftable(options);
  return db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    await assertNotLifted(tx, recall.id, recall.lotCode);
    if (recall.severity === "CLASS_I") {
      await tx.recall.update({
        where: { id: recall.id },
        data: {
          liftReason: input.reason,
          liftedById: member.userId,
          liftRequestedAt: new Date(),
          liftApprovedById: null,
          liftLedgerTransactionId: null,
          liftPayloadHash: null,
        },
      });
      return { writeId: null };
    }
    return queueLift(tx, {
      ...options,
      recall,
      reason: input.reason,
      requestedById: member.userId,
    });
  });
}

/**
 * A second person approves the lifting of a Class I recall that another asked for: an admin of the
 * recalling organisation or a regulator, never the one who asked. The lift is then written as
 * liftRecall writes any other, signed by the approver's organisation.
 */
export async function approveLift(options: LiftOptions): Promise<{ writeId: string }> {
  const { member } = options;
  const recall = await requireLiftable(options);
  return options.db.$transaction(async (tx) => {
    await lockRecall(tx, recall.id);
    const row = await tx.recall.findUniqueOrThrow({ where: { id: recall.id } });
    if (!row.liftRequestedAt || row.liftLedgerTransactionId || !row.liftReason) {
      throw new AppError(
        "CONFLICT",
        `Nobody has asked to lift this recall of lot ${recall.lotCode}: there is nothing to approve.`,
      );
    }
    if (row.liftedById === member.userId) {
      throw new AppError(
        "FORBIDDEN",
        `You asked to lift this Class I recall: a second person, an admin of ${recall.initiator.name} or a regulator, must approve it.`,
      );
    }
    return queueLift(tx, {
      ...options,
      recall,
      reason: row.liftReason,
      requestedById: row.liftedById ?? member.userId,
      approvedById: member.userId,
    });
  });
}

/** The recall, once the member may lift it and the ledger has recorded it; else the refusal. */
async function requireLiftable({ db, member, recallId }: LiftOptions) {
  const recall = requireVisibleRecall(await findVisibleRecall({ db, member, recallId }));
  const initiator = await db.organization.findUniqueOrThrow({
    where: { id: recall.initiatedByOrganizationId },
    select: { id: true, name: true },
  });
  const refusal = liftRefusal(member, initiator);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  await assertRecallRecorded(db, recall);
  return { ...recall, initiator };
}

/** Queues LotTracker.liftRecall and the lift notices in the caller's transaction. */
async function queueLift(
  tx: Tx,
  {
    db,
    member,
    recall,
    reason,
    requestedById,
    approvedById,
    appUrl,
  }: LiftOptions & {
    recall: { id: string; lotId: string; gtin: string; lotCode: string };
    reason: string;
    requestedById: string;
    approvedById?: string;
  },
): Promise<{ writeId: string }> {
  await assertNoWriteInFlight(tx, recall.lotId, recall.lotCode);
  const lot = await db.lot.findUniqueOrThrow({
    where: { id: recall.lotId },
    select: { gtin: true, lotCode: true, quantity: true, unit: true },
  });
  const notice = buildLiftNotice({
    member,
    lot: { ...lot, quantity: lot.quantity?.toString() ?? null },
    locationGln: await memberSiteGln(db, member),
    input: { reason },
  });
  const write = await enqueueLedgerWrite(tx, member, {
    payload: notice,
    call: (reasonHash) => ({ method: "liftRecall", args: [recall.lotId, reasonHash] }),
    lotId: recall.lotId,
  });
  await tx.recall.update({
    where: { id: recall.id },
    data: {
      liftReason: reason,
      liftedById: requestedById,
      liftApprovedById: approvedById ?? null,
      liftLedgerTransactionId: write.id,
      liftPayloadHash: write.payloadHash,
    },
  });
  await queueLiftNotices(tx, {
    recall,
    lifter: member.organization,
    reason,
    liftWriteId: write.id,
    appUrl,
  });
  return { writeId: write.id };
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
  const { liftLedgerTransactionId, liftRequestedAt } = await tx.recall.findUniqueOrThrow({
    where: { id: recallId },
    select: { liftLedgerTransactionId: true, liftRequestedAt: true },
  });
  if (!liftLedgerTransactionId && liftRequestedAt) {
    throw new AppError(
      "CONFLICT",
      `Lifting this recall of lot ${lotCode} was already asked for: it waits for a second person's approval.`,
    );
  }
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
  /** AWAITING_APPROVAL: a Class I lift asked for, nothing written until a second person approves. */
  status: LiftStatus | "AWAITING_APPROVAL";
  reason: string;
  /** Who lifted it, or asked to (Class I). */
  liftedBy: string;
  /** The second person who approved a Class I lift. */
  approvedBy: string | null;
  /** When the ledger recorded it (the write's last change), or when it was asked for. */
  at: Date;
  txHash: string | null;
  /** The ledger's reason for refusing it. */
  error: string | null;
};

/** Where the lifting of a recall stands, or null when nobody has asked to lift it. */
export async function getRecallLift(
  db: Db,
  recall: {
    liftLedgerTransactionId: string | null;
    liftReason: string | null;
    liftRequestedAt: Date | null;
  },
): Promise<Omit<RecallLiftView, "liftedBy" | "approvedBy"> | null> {
  if (!recall.liftLedgerTransactionId) {
    if (!recall.liftRequestedAt) return null;
    const at = recall.liftRequestedAt;
    return {
      status: "AWAITING_APPROVAL",
      reason: recall.liftReason ?? "",
      at,
      txHash: null,
      error: null,
    };
  }
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
