import type { Db } from "@/lib/db/client";
import { applyLedgerEvent } from "./apply-event";
import type { DecodedLog } from "./decode";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Recomputes these lots from the events the database still holds, in chain order, as the indexer
 * first built them: used after a rollback, and the same path a full reindex takes.
 */
export async function rebuildLots(tx: Tx, chainId: number, lotIds: string[]): Promise<void> {
  if (lotIds.length === 0) return;
  await tx.lot.deleteMany({ where: { chainId, id: { in: lotIds } } });
  const events = await tx.ledgerEvent.findMany({
    where: { chainId, lotId: { in: lotIds } },
    orderBy: [{ blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
  });
  for (const event of events) {
    await applyLedgerEvent(tx, chainId, { ...event, args: event.args as DecodedLog["args"] });
  }
}
