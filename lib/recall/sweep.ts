import "server-only";
import type { Db } from "@/lib/db/client";
import { getRecallScope } from "@/lib/trace";
import { liftStatusesOf } from "./in-force";
import { queueRecallNotices } from "./notifications/queue";
import { findRecallParties } from "./parties";
import { closeIfComplete, lockRecall } from "./progress";
import { remindHolders } from "./reminders";

/** How long a holder may leave its stock unaccounted for before it is reminded, and between reminders. */
export const DEFAULT_REMIND_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps open recalls up to date after they started. Lots made from a recalled lot stay active on the
 * chain, so they can still be shipped or processed: an organisation that came to hold stock in the
 * scope since is asked to acknowledge and notified too. A holder that has not accounted for its
 * stock `remindAfterMs` after it was asked (or last reminded) is reminded. And a recall whose last
 * step came before the ledger recorded it is closed now, as is a recall the ledger has lifted.
 * Returns the number of recalls changed. `now` lets a test move time on.
 */
export async function sweepOpenRecalls({
  db,
  appUrl,
  remindAfterMs = DEFAULT_REMIND_AFTER_MS,
  now = new Date(),
}: {
  db: Db;
  appUrl: string;
  remindAfterMs?: number;
  now?: Date;
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
    const holders = await findRecallParties(db, scope);
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
          data: newcomers.map((h) => ({
            recallId: recall.id,
            organizationId: h.organizationId,
            concern: h.concern,
          })),
        });
        await queueRecallNotices(tx, { recall, initiator, holders: newcomers, appUrl });
      }
      const progress = await closeIfComplete(tx, { ...recall, scope });
      const reminded = progress.isComplete
        ? 0
        : await remindHolders(tx, {
            recall,
            initiator,
            parties: holders,
            scope,
            appUrl,
            cutoff: new Date(now.getTime() - remindAfterMs),
            now,
          });
      return newcomers.length > 0 || progress.isComplete || reminded > 0;
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
