import type { Tx } from "@/lib/db/client";
import { lotQuantityOf } from "@/lib/epcis/event";
import type { DecodedLog } from "@/lib/indexer/decode";
import { lotChangeOf } from "@/lib/indexer/lot-change";

// The read model's rules written the plain way, one event and one or two statements at a time: the
// oracle that lib/indexer/apply-batch.db.test.ts holds the indexer's set-based applyLedgerEvents to,
// and the per-event write of bench/indexer/baseline.ts (the indexer as it was before tuning).

/**
 * Applies one decoded LotTracker event to the read model: custody, status, lineage and recall are
 * rebuilt from events alone. Must be idempotent, since a batch may be applied again after a crash
 * between the write and the checkpoint. The indexer applies whole batches with `applyLedgerEvents`,
 * which must leave exactly what this leaves event by event.
 */
export async function applyLedgerEvent(tx: Tx, chainId: number, event: DecodedLog): Promise<void> {
  const change = lotChangeOf(chainId, event);
  if (change?.kind === "register") {
    const { lotId, lot, lineage } = change;
    const payload = lot.payloadHash
      ? await tx.eventPayload.findUnique({ where: { hash: lot.payloadHash } })
      : null;
    const row = { ...lot, ...lotQuantityOf(payload?.body, lot.gtin, lot.lotCode) };
    await tx.lot.upsert({ where: { id: lotId }, create: { id: lotId, ...row }, update: row });
    for (const link of lineage) {
      await tx.lotLineage.upsert({
        where: { parentId_childId: { parentId: link.parentId, childId: link.childId } },
        create: link,
        update: {},
      });
    }
  } else if (change?.kind === "update") {
    // A lot the database never saw (indexing started after it) cannot be updated; its events are kept.
    await tx.lot.updateMany({ where: { id: change.lotId }, data: change.data });
  }
}
