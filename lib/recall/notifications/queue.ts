import "server-only";
import type { Tx } from "@/lib/db/client";
import type { RecallParty } from "../parties";
import { type RecallConcern, type RecallSeverity, SEVERITY_LABELS } from "../terms";
import { liftNoticeText } from "./lift-email";
import { recallNoticeText } from "./notice-email";

/** What an organisation receives, by webhook or e-mail: enough to act on without signing in. */
export type RecallNoticeMessage = {
  /** A reminder repeats the notice to a holder that has not accounted for its stock yet. */
  type: "recall.started" | "recall.reminder";
  recallId: string;
  url: string;
  startedAt: string;
  product: { gtin: string; lotCode: string; lotId: string };
  recallClass: string;
  /** The initiating organisation's own words, as typed: show them as its quotation, never as ours. */
  reason: string;
  initiatedBy: { name: string; gln: string };
  recipient: { name: string; gln: string };
  /** Why it is told: it holds stock in the scope, held some before, or produced what it was made from. */
  concern: RecallConcern;
  /** Its lots the recall concerns; `isSource` marks a lot the recalled lot was made from. */
  affectedLots: { gtin: string; lotCode: string; status: string; isSource?: boolean }[];
  action: string;
  /** The whole notice as people read it (the email's text), the reason quoted line by line ("> "). */
  text: string;
};

/** What an organisation asked to act on a recall receives when it is lifted. */
export type RecallLiftedMessage = {
  type: "recall.lifted";
  recallId: string;
  url: string;
  /** The LotTracker.liftRecall write: the notice is sent once the ledger records it, never if refused. */
  liftWriteId: string;
  product: { gtin: string; lotCode: string; lotId: string };
  /** The lifting organisation's own words, as typed: show them as its quotation, never as ours. */
  reason: string;
  liftedBy: { name: string; gln: string };
  recipient: { name: string; gln: string };
  action: string;
  /** The whole notice as people read it (the email's text), the reason quoted line by line ("> "). */
  text: string;
};

/**
 * A notice another domain words itself (a cold-chain excursion, lib/holds): sent as it is, with no
 * ledger write to wait for.
 */
export type PlainNoticeMessage = {
  type: "coldchain.excursion";
  url: string;
  subject: string;
  recipient: { name: string; gln: string };
  /** The whole notice as people read it: the email's text, the webhook's `text`. */
  text: string;
};

/** Every notice the notifier delivers: a recall started or lifted, or another domain's notice. */
export type NoticeMessage = RecallNoticeMessage | RecallLiftedMessage | PlainNoticeMessage;

/**
 * Queues one notice per organisation the recall concerns (parties.ts), in the caller's transaction:
 * the notice exists exactly when the recall does, and the notifier delivers it. `type` is
 * "recall.reminder" for a holder reminded that its stock is not accounted for yet.
 */
export async function queueRecallNotices(
  tx: Tx,
  {
    recall,
    initiator,
    holders,
    appUrl,
    type = "recall.started",
  }: {
    recall: {
      id: string;
      createdAt: Date;
      lotId: string;
      gtin: string;
      lotCode: string;
      reason: string;
      severity: RecallSeverity;
    };
    initiator: { name: string; gln: string };
    holders: RecallParty[];
    appUrl: string;
    type?: RecallNoticeMessage["type"];
  },
): Promise<void> {
  const url = recallUrl(appUrl, recall.id);
  await tx.notification.createMany({
    data: holders.map((holder) => {
      const notice: Omit<RecallNoticeMessage, "text"> = {
        type,
        recallId: recall.id,
        url,
        startedAt: recall.createdAt.toISOString(),
        product: { gtin: recall.gtin, lotCode: recall.lotCode, lotId: recall.lotId },
        recallClass: SEVERITY_LABELS[recall.severity].name,
        reason: recall.reason,
        initiatedBy: { name: initiator.name, gln: initiator.gln },
        recipient: { name: holder.name, gln: holder.gln },
        concern: holder.concern,
        affectedLots: holder.lots.map(({ gtin, lotCode, status, isSource }) => ({
          gtin,
          lotCode,
          status,
          ...(isSource ? { isSource } : {}),
        })),
        action: ACTIONS[holder.concern](url),
      };
      const message: RecallNoticeMessage = { ...notice, text: recallNoticeText(notice) };
      return { recallId: recall.id, organizationId: holder.organizationId, payload: message };
    }),
  });
}

/**
 * Queues one notice per organisation that was asked to acknowledge the recall, in the lift's
 * transaction: whoever took stock off sale hears that it may go back, and why.
 */
export async function queueLiftNotices(
  tx: Tx,
  {
    recall,
    lifter,
    reason,
    liftWriteId,
    appUrl,
  }: {
    recall: { id: string; lotId: string; gtin: string; lotCode: string };
    lifter: { name: string; gln: string };
    reason: string;
    liftWriteId: string;
    appUrl: string;
  },
): Promise<void> {
  const asked = await tx.recallAcknowledgement.findMany({
    where: { recallId: recall.id },
    select: { organizationId: true },
  });
  const organizations = await tx.organization.findMany({
    where: { id: { in: asked.map((a) => a.organizationId) } },
    select: { id: true, name: true, gln: true },
  });
  const url = recallUrl(appUrl, recall.id);
  await tx.notification.createMany({
    data: organizations.map((recipient) => {
      const notice: Omit<RecallLiftedMessage, "text"> = {
        type: "recall.lifted",
        recallId: recall.id,
        url,
        liftWriteId,
        product: { gtin: recall.gtin, lotCode: recall.lotCode, lotId: recall.lotId },
        reason,
        liftedBy: lifter,
        recipient: { name: recipient.name, gln: recipient.gln },
        action: `The recall of lot ${recall.lotCode} was lifted: its stock may go back on sale. Details at ${url}.`,
      };
      const message: RecallLiftedMessage = { ...notice, text: liftNoticeText(notice) };
      return { recallId: recall.id, organizationId: recipient.id, payload: message };
    }),
  });
}

/** What each organisation concerned is asked to do, in one sentence. */
const ACTIONS: Record<RecallConcern, (url: string) => string> = {
  HOLDS_STOCK: (url) =>
    `Take these lots off sale now, report what became of their quantity (removed from sale, destroyed, returned to supplier, already sold) and acknowledge the recall at ${url}.`,
  HELD_STOCK: (url) =>
    `You held these lots before: check that none of their stock is left with you and acknowledge the recall at ${url}.`,
  SOURCE: (url) =>
    `The recalled lot was made from these lots of yours: check what else was made from them, extend the recall to them if they are affected, and acknowledge it at ${url}.`,
};

/** The recall's page, which every notice links to. */
function recallUrl(appUrl: string, recallId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/recalls/${recallId}`;
}
