import "server-only";
import type { Tx } from "@/lib/db/client";
import type { RecallScope } from "@/lib/trace";
import { getRecallEffectiveness } from "./effectiveness";
import { queueRecallNotices } from "./notifications/queue";
import type { RecallParty } from "./parties";
import type { RecallSeverity } from "./terms";

/**
 * Reminds each holder that has not accounted for all its stock in the recall and was asked (or last
 * reminded) before `cutoff`: a "recall.reminder" notice through the notification outbox, naming the
 * lots still unaccounted for. Runs in the sweep's transaction, under the recall's lock, so two
 * notifiers never remind the same holder twice. Returns how many were reminded.
 */
export async function remindHolders(
  tx: Tx,
  {
    recall,
    initiator,
    parties,
    scope,
    appUrl,
    cutoff,
    now,
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
    parties: RecallParty[];
    scope: Pick<RecallScope, "lots" | "links">;
    appUrl: string;
    cutoff: Date;
    now: Date;
  },
): Promise<number> {
  const { holders } = await getRecallEffectiveness(tx, { recallId: recall.id, scope });
  const behind = holders.filter((h) => !h.isAccounted && h.organizationId !== null);
  if (behind.length === 0) return 0;
  const due = await tx.recallAcknowledgement.findMany({
    where: {
      recallId: recall.id,
      organizationId: { in: behind.map((h) => h.organizationId as string) },
      OR: [{ remindedAt: null, createdAt: { lte: cutoff } }, { remindedAt: { lte: cutoff } }],
    },
    select: { id: true, organizationId: true },
  });
  const reminded = due.flatMap((row): RecallParty[] => {
    const party = parties.find((p) => p.organizationId === row.organizationId);
    const holder = behind.find((h) => h.organizationId === row.organizationId);
    if (!party || !holder) return [];
    const open = new Set(holder.lots.filter((l) => !l.isAccounted).map((l) => l.lotId));
    const lots = party.lots.filter((lot) => open.has(lot.id));
    return [{ ...party, concern: "HOLDS_STOCK", lots: lots.length > 0 ? lots : party.lots }];
  });
  if (reminded.length === 0) return 0;
  await queueRecallNotices(tx, {
    recall,
    initiator,
    holders: reminded,
    appUrl,
    type: "recall.reminder",
  });
  await tx.recallAcknowledgement.updateMany({
    where: { id: { in: due.map((row) => row.id) } },
    data: { remindedAt: now },
  });
  return reminded.length;
}
