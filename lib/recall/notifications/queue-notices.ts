import "server-only";
import type { Tx } from "@/lib/db/client";
import { type RecallSeverity, SEVERITY_LABELS } from "../recall-input";
import type { ScopeHolder } from "../scope-organizations";
import type { RecallLiftedMessage } from "./lift-notices";

/** What an organisation receives, by webhook or e-mail: enough to act on without signing in. */
export type RecallNoticeMessage = {
  type: "recall.started";
  recallId: string;
  url: string;
  startedAt: string;
  product: { gtin: string; lotCode: string; lotId: string };
  recallClass: string;
  reason: string;
  initiatedBy: { name: string; gln: string };
  recipient: { name: string; gln: string };
  affectedLots: { gtin: string; lotCode: string; status: string }[];
  action: string;
};

/** Every notice the notifier delivers: a recall started, or lifted. */
export type NoticeMessage = RecallNoticeMessage | RecallLiftedMessage;

/**
 * Queues one notice per organisation holding stock in the recall's scope, in the caller's
 * transaction: the notice exists exactly when the recall does, and the notifier delivers it.
 */
export async function queueRecallNotices(
  tx: Tx,
  {
    recall,
    initiator,
    holders,
    appUrl,
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
    holders: ScopeHolder[];
    appUrl: string;
  },
): Promise<void> {
  const url = `${appUrl.replace(/\/+$/, "")}/recalls/${recall.id}`;
  await tx.notification.createMany({
    data: holders.map((holder) => {
      const message: RecallNoticeMessage = {
        type: "recall.started",
        recallId: recall.id,
        url,
        startedAt: recall.createdAt.toISOString(),
        product: { gtin: recall.gtin, lotCode: recall.lotCode, lotId: recall.lotId },
        recallClass: SEVERITY_LABELS[recall.severity].name,
        reason: recall.reason,
        initiatedBy: { name: initiator.name, gln: initiator.gln },
        recipient: { name: holder.name, gln: holder.gln },
        affectedLots: holder.lots.map(({ gtin, lotCode, status }) => ({ gtin, lotCode, status })),
        action: `Take these lots off sale now and acknowledge the recall at ${url}.`,
      };
      return { recallId: recall.id, organizationId: holder.organizationId, payload: message };
    }),
  });
}
