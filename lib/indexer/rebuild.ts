import "server-only";
import type { Tx } from "@/lib/db/client";
import { applyLedgerEvents } from "./apply-batch";
import type { DecodedLog } from "./decode";

/**
 * Recomputes these lots, and every lot made from them (deleting a lot drops its lineage links), from
 * the events the database still holds, in chain order: used after a rollback, the same path a full
 * reindex takes.
 */
export async function rebuildLots(tx: Tx, chainId: number, lotIds: string[]): Promise<void> {
  const ids = new Set(lotIds);
  for (let frontier = [...ids]; frontier.length > 0; ) {
    const children = await tx.lotLineage.findMany({
      where: { parentId: { in: frontier } },
      select: { childId: true },
    });
    frontier = children.map((c) => c.childId).filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  if (ids.size === 0) return;
  await tx.lot.deleteMany({ where: { chainId, id: { in: [...ids] } } });
  const events = await tx.ledgerEvent.findMany({
    where: { chainId, lotId: { in: [...ids] } },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
  });
  await applyLedgerEvents(
    tx,
    chainId,
    events.map((event) => ({ ...event, args: event.args as DecodedLog["args"] })),
  );
}
