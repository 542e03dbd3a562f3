import "server-only";
import type { Tx } from "@/lib/db/client";

/** What an organisation asked to act on a recall receives when it is lifted. */
export type RecallLiftedMessage = {
  type: "recall.lifted";
  recallId: string;
  url: string;
  /** The LotTracker.liftRecall write: the notice is sent once the ledger records it, never if refused. */
  liftWriteId: string;
  product: { gtin: string; lotCode: string; lotId: string };
  reason: string;
  liftedBy: { name: string; gln: string };
  recipient: { name: string; gln: string };
  action: string;
};

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
  const url = `${appUrl.replace(/\/+$/, "")}/recalls/${recall.id}`;
  await tx.notification.createMany({
    data: organizations.map((recipient) => {
      const message: RecallLiftedMessage = {
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
      return { recallId: recall.id, organizationId: recipient.id, payload: message };
    }),
  });
}
