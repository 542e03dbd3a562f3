import type { Tx } from "@/lib/db/client";
import { lotQuantityOf } from "@/lib/epcis/event";
import type { DecodedLog } from "./decode";
import { type LineageLink, type LotUpdate, lotChangeOf, type RegisteredLot } from "./lot-change";
import { upsertLots } from "./write-rows";

/** Keys per lookup or update statement: Prisma sends each as a bind parameter (65,535 at most). */
const ROWS_PER_STATEMENT = 2_000;

/** A lot's state at the end of a batch: registered in it, or only changed by it. */
type FoldedLot = { registered: RegisteredLot | null; update: LotUpdate };

/**
 * Applies a batch of decoded events (in chain order) to lots and lineage with a handful of set-based
 * statements instead of one or two per event, leaving exactly what `applyLedgerEvent` leaves when
 * called for each event in turn: each lot's changes are folded into its state at the end of the
 * batch, then lots registered in the batch are upserted in bulk and the others get one update per
 * distinct set of final values.
 */
export async function applyLedgerEvents(
  tx: Tx,
  chainId: number,
  events: readonly DecodedLog[],
): Promise<void> {
  const lots = new Map<string, FoldedLot>();
  const lineage: LineageLink[] = [];
  for (const event of events) {
    const change = lotChangeOf(chainId, event);
    if (!change) continue;
    if (change.kind === "register") {
      // A registration overwrites every field an update sets: earlier updates no longer matter.
      lots.set(change.lotId, { registered: { ...change.lot }, update: {} });
      lineage.push(...change.lineage);
      continue;
    }
    const lot = lots.get(change.lotId) ?? { registered: null, update: {} };
    Object.assign(lot.registered ?? lot.update, change.data);
    lots.set(change.lotId, lot);
  }
  await writeRegisteredLots(tx, lots);
  await writeUpdates(tx, lots);
  for (let i = 0; i < lineage.length; i += ROWS_PER_STATEMENT) {
    // upsert with `update: {}` in applyLedgerEvent: the first link recorded stays.
    await tx.lotLineage.createMany({
      data: lineage.slice(i, i + ROWS_PER_STATEMENT),
      skipDuplicates: true,
    });
  }
}

async function writeRegisteredLots(tx: Tx, lots: Map<string, FoldedLot>): Promise<void> {
  const registered = [...lots].flatMap(([id, lot]) =>
    lot.registered ? [{ id, ...lot.registered }] : [],
  );
  const hashes = [...new Set(registered.flatMap((lot) => lot.payloadHash ?? []))];
  const payloads = await findInChunks(hashes, (chunk) =>
    tx.eventPayload.findMany({
      where: { hash: { in: chunk } },
      select: { hash: true, body: true },
    }),
  );
  const bodyByHash = new Map(payloads.map((payload) => [payload.hash, payload.body]));
  await upsertLots(
    tx,
    registered.map((lot) => ({
      ...lot,
      ...lotQuantityOf(
        lot.payloadHash ? bodyByHash.get(lot.payloadHash) : undefined,
        lot.gtin,
        lot.lotCode,
      ),
    })),
  );
}

/**
 * Lots only changed in this batch: one `updateMany` per distinct final update, so 10,000 handoffs
 * accepted by a few carriers cost a few statements. Lots the database never saw stay absent.
 */
async function writeUpdates(tx: Tx, lots: Map<string, FoldedLot>): Promise<void> {
  const idsByUpdate = new Map<string, { data: LotUpdate; ids: string[] }>();
  for (const [id, lot] of lots) {
    if (lot.registered || Object.keys(lot.update).length === 0) continue;
    const key = JSON.stringify(Object.entries(lot.update).sort(([a], [b]) => a.localeCompare(b)));
    const group = idsByUpdate.get(key) ?? { data: lot.update, ids: [] };
    group.ids.push(id);
    idsByUpdate.set(key, group);
  }
  for (const { data, ids } of idsByUpdate.values()) {
    for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
      const chunk = ids.slice(i, i + ROWS_PER_STATEMENT);
      await tx.lot.updateMany({ where: { id: { in: chunk } }, data });
    }
  }
}

/**
 * Runs a lookup over `keys` ROWS_PER_STATEMENT at a time, one after another: statements of one
 * transaction share its connection, so sending them together gains nothing.
 */
async function findInChunks<K, R>(keys: K[], find: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
    rows.push(...(await find(keys.slice(i, i + ROWS_PER_STATEMENT))));
  }
  return rows;
}
