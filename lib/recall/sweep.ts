import "server-only";
import type { Db } from "@/lib/db/client";
import { getRecallScope } from "@/lib/trace";
import { liftStatusesOf } from "./in-force";
import { queueRecallNotices } from "./notifications/queue";
import { closeIfComplete, lockRecall, scopeOrganizations, stockLotIds } from "./progress";

/**
 * Keeps open recalls up to date after they started. Lots made from a recalled lot stay active on the
 * chain, so they can still be shipped or processed: an organisation that came to hold stock in the
 * scope since is asked to acknowledge and notified too. And a recall whose last step came before
 * the ledger recorded it is closed now, as is a recall the ledger has lifted. Returns the number of
 * recalls changed.
 */
export async function sweepOpenRecalls({
  db,
  appUrl,
}: {
  db: Db;
  appUrl: string;
}): Promise<number> {
  const open = await db.recall.findMany({
    where: { closedAt: null },
    select: {
      id: true,
      lotId: true,
      gtin: true,
      lotCode: true,
      reason: true,
      severity: true,
      createdAt: true,
      ledgerTransactionId: true,
      initiatedByOrganizationId: true,
      liftLedgerTransactionId: true,
    },
  });
  const lifted = await closeLiftedRecalls(db, open);
  const confirmed = new Set(
    (
      await db.ledgerTransaction.findMany({
        where: { id: { in: open.map((r) => r.ledgerTransactionId) }, status: "CONFIRMED" },
        select: { id: true },
      })
    ).map((w) => w.id),
  );
  let changed = lifted.size;
  const inForce = open.filter((r) => confirmed.has(r.ledgerTransactionId) && !lifted.has(r.id));
  for (const recall of inForce) {
    const scope = await getRecallScope({ db, lotId: recall.lotId });
    if (!scope) continue;
    const holders = await scopeOrganizations(db, scope);
    const initiator = await db.organization.findUniqueOrThrow({
      where: { id: recall.initiatedByOrganizationId },
      select: { name: true, gln: true },
    });
    const hasChanged = await db.$transaction(async (tx) => {
      await lockRecall(tx, recall.id);
      // Read under the lock: two notifiers must not both notify the same newcomer.
      const asked = await tx.recallAcknowledgement.findMany({
        where: { recallId: recall.id },
        select: { organizationId: true },
      });
      const known = new Set(asked.map((a) => a.organizationId));
      const newcomers = holders.filter((h) => !known.has(h.organizationId));
      if (newcomers.length > 0) {
        await tx.recallAcknowledgement.createMany({
          data: newcomers.map((h) => ({ recallId: recall.id, organizationId: h.organizationId })),
        });
        await queueRecallNotices(tx, { recall, initiator, holders: newcomers, appUrl });
      }
      const progress = await closeIfComplete(tx, {
        ...recall,
        stockLotIds: stockLotIds(scope),
      });
      return newcomers.length > 0 || progress.isComplete;
    });
    if (hasChanged) changed++;
  }
  return changed;
}

/**
 * Closes the recalls whose lift the ledger has recorded, and returns their ids. Here rather than where
 * the lift is read: the sweep already runs every few seconds in the notifier and is where recalls get
 * closed, reads stay reads, and the indexer keeps to the chain's tables. Until the sweep has run,
 * readers judge "lifted" by the lift write's status (in-force.ts), so nobody sees the gap.
 */
async function closeLiftedRecalls(
  db: Db,
  open: { id: string; liftLedgerTransactionId: string | null }[],
): Promise<Set<string>> {
  const statuses = await liftStatusesOf(db, open);
  const ids = [...statuses].flatMap(([id, status]) => (status === "CONFIRMED" ? [id] : []));
  if (ids.length > 0) {
    await db.recall.updateMany({
      where: { id: { in: ids }, closedAt: null },
      data: { closedAt: new Date() },
    });
  }
  return new Set(ids);
}
