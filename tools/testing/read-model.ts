import type { Db } from "@/lib/db/client";

// The indexer's whole read model in a form two databases can be compared by: the bench compares the
// tuned indexer with its baseline, the db tests compare batch sizes and the per-event path.

const READERS = {
  LedgerEvent: readEvents,
  Lot: readLots,
  LotLineage: readLineage,
  IndexerCheckpoint: readCheckpoints,
} as const;

export type ReadModelTable = keyof typeof READERS;

/**
 * Every difference between two read models (events, lots, lineage, checkpoint, or the `tables`
 * named), one line each: timestamps and generated ids aside, two indexers must leave the same rows.
 */
export async function compareReadModels(
  a: Db,
  b: Db,
  tables: ReadModelTable[] = ["LedgerEvent", "Lot", "LotLineage", "IndexerCheckpoint"],
): Promise<string[]> {
  const differences: string[] = [];
  for (const table of tables) {
    const read: (db: Db) => Promise<unknown[]> = READERS[table];
    const [rowsA, rowsB] = await Promise.all([read(a), read(b)]);
    if (rowsA.length !== rowsB.length) {
      differences.push(`${table}: ${rowsA.length} rows against ${rowsB.length}`);
      continue;
    }
    const first = rowsA.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(rowsB[i]));
    if (first !== -1) {
      differences.push(
        `${table}: row ${first} differs: ${JSON.stringify(rowsA[first])} against ${JSON.stringify(rowsB[first])}`,
      );
    }
  }
  return differences;
}

function readEvents(db: Db) {
  return db.ledgerEvent.findMany({
    omit: { id: true, createdAt: true, updatedAt: true },
    orderBy: [{ chainId: "asc" }, { blockNumber: "asc" }, { txIndex: "asc" }, { logIndex: "asc" }],
  });
}

async function readLots(db: Db) {
  const lots = await db.lot.findMany({
    omit: { createdAt: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
  return lots.map((lot) => ({ ...lot, quantity: lot.quantity?.toString() ?? null }));
}

function readLineage(db: Db) {
  return db.lotLineage.findMany({
    omit: { createdAt: true, updatedAt: true },
    orderBy: [{ parentId: "asc" }, { childId: "asc" }],
  });
}

function readCheckpoints(db: Db) {
  return db.indexerCheckpoint.findMany({
    omit: { createdAt: true, updatedAt: true },
    orderBy: { chainId: "asc" },
  });
}
