import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuditAction } from "./actions";
import { type AuditActor, recordAudit } from "./record";

/** A queued ledger write, as lib/events' enqueueLedgerWrite has it. */
export type AuditedLedgerWrite = {
  ledgerTransactionId: string;
  /** The LotTracker method and its stored arguments. */
  method: string;
  args: readonly unknown[];
  /** The off-chain payload: an EPCIS event names its critical tracking event in `cte`. */
  payload: object;
  /** None for the anchor of captured EPCIS events, which changes no lot. */
  lotId?: string;
  newLots: readonly { id: string; lotCode: string }[];
};

const ACTIONS: Record<string, AuditAction> = {
  createLot: "RECORDED_EVENT",
  registerReceivedLot: "RECORDED_EVENT",
  split: "RECORDED_EVENT",
  merge: "RECORDED_EVENT",
  transform: "RECORDED_EVENT",
  recordEvent: "RECORDED_EVENT",
  anchorReadings: "RECORDED_READINGS",
  handoff: "SHIPPED",
  acceptHandoff: "RECEIVED",
  rejectHandoff: "REFUSED_DELIVERY",
  recall: "STARTED_RECALL",
  liftRecall: "LIFTED_RECALL",
};

// The words the person used: "initial packing", not the chain's "derived".
const CTE_WORDS: Record<string, string> = {
  harvesting: "the harvest",
  cooling: "the cooling",
  initial_packing: "the initial packing",
  first_land_based_receiving: "the first land-based receiving",
  receiving: "the receipt",
  transformation: "a transformation",
  split: "a split",
  merge: "a merge",
};

/**
 * The audit entry of a ledger write, in the write's own transaction: the one door every critical
 * tracking event, shipment, receipt, batch of readings, recall and lifting passes through.
 */
export async function auditLedgerWrite(
  tx: Tx,
  actor: AuditActor,
  write: AuditedLedgerWrite,
): Promise<void> {
  const { lotId, newLots, ledgerTransactionId } = write;
  const action = ACTIONS[write.method] ?? "RECORDED_EVENT";
  if (lotId === undefined) {
    await recordAudit(tx, actor, {
      action,
      summary: `Captured ${String(write.args[1])} EPCIS events, anchored by one Merkle root`,
      ledgerTransactionId,
    });
    return;
  }
  const lotCode =
    newLots.find((lot) => lot.id === lotId)?.lotCode ??
    (await tx.lot.findUnique({ where: { id: lotId }, select: { lotCode: true } }))?.lotCode ??
    null;
  await recordAudit(tx, actor, {
    action,
    summary: summaryOf(action, `lot ${lotCode ?? lotId}`, write),
    lotId,
    lotCode,
    ledgerTransactionId,
  });
}

function summaryOf(action: AuditAction, lot: string, write: AuditedLedgerWrite): string {
  switch (action) {
    case "RECORDED_READINGS":
      return `Recorded ${String(write.args[2])} temperature readings of ${lot}`;
    case "SHIPPED":
      return `Shipped ${lot}`;
    case "RECEIVED":
      return `Received ${lot}`;
    case "REFUSED_DELIVERY":
      return `Refused the delivery of ${lot}`;
    case "STARTED_RECALL":
      return `Started a recall of ${lot}`;
    case "LIFTED_RECALL":
      return `Lifted the recall of ${lot}`;
    default: {
      if (write.method === "releaseHold") return `Released the hold on ${lot}`;
      const cte = String((write.payload as { cte?: unknown }).cte ?? "");
      const made = write.newLots.filter((l) => l.id !== write.lotId).map((l) => l.lotCode);
      const making = made.length > 0 ? `, making lot ${made.join(", ")}` : "";
      return `Recorded ${CTE_WORDS[cte] ?? "an event"} of ${lot}${making}`;
    }
  }
}
