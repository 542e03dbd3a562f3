import "server-only";
import type { Db } from "@/lib/db/client";
import { mainLotCodeOf } from "@/lib/epcis/event";
import { getIndexedBlock } from "@/lib/indexer/indexer";
import type { FollowedWrite, LedgerWriteStatus } from "./write-status";

const SELECTED = {
  id: true,
  method: true,
  lotId: true,
  status: true,
  error: true,
  txHash: true,
  blockNumber: true,
} as const;

type Row = Omit<LedgerWriteStatus, "isOnLedger">;

/**
 * The organisation's writes of these ids, in the order asked; another organisation's write is left
 * out exactly like a missing one, so an id tells a stranger nothing.
 */
export async function getLedgerWriteStatuses({
  db,
  organizationId,
  chainId,
  ids,
}: {
  db: Db;
  organizationId: string;
  chainId: number;
  ids: string[];
}): Promise<LedgerWriteStatus[]> {
  if (ids.length === 0) return [];
  const rows = await db.ledgerTransaction.findMany({
    where: { id: { in: ids }, organizationId },
    select: SELECTED,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const found = ids.flatMap((id) => byId.get(id) ?? []);
  return withIndexing(db, chainId, found as Row[]);
}

/**
 * The organisation's writes about one lot that the pages cannot show yet (queued, sent, or mined but
 * not read by the indexer), oldest first: while one is on its way, the lot page says so instead of
 * offering the same step again.
 */
export async function findWaitingLedgerWrites({
  db,
  organizationId,
  chainId,
  lotId,
}: {
  db: Db;
  organizationId: string;
  chainId: number;
  lotId: string;
}): Promise<LedgerWriteStatus[]> {
  const rows = await db.ledgerTransaction.findMany({
    where: { organizationId, lotId, status: { in: ["PENDING", "SIGNED", "CONFIRMED"] } },
    orderBy: { createdAt: "desc" },
    // Confirmed writes are the lot's whole history: only the newest can still be unread.
    take: 20,
    select: SELECTED,
  });
  const statuses = await withIndexing(db, chainId, rows as Row[]);
  return statuses.filter((write) => !write.isOnLedger).reverse();
}

async function withIndexing(db: Db, chainId: number, rows: Row[]): Promise<LedgerWriteStatus[]> {
  const isMined = rows.some((row) => row.status === "CONFIRMED");
  const indexedBlock = isMined ? await getIndexedBlock(db, chainId) : -1;
  return rows.map((row) => ({
    ...row,
    isOnLedger:
      row.status === "CONFIRMED" && row.blockNumber !== null && row.blockNumber <= indexedBlock,
  }));
}

/**
 * The writes with the lot codes of their lots, from the read model or, for a lot not indexed yet,
 * from the write's own payload.
 */
export async function withLotCodes(db: Db, writes: LedgerWriteStatus[]): Promise<FollowedWrite[]> {
  const lotIds = writes.flatMap((write) => (write.lotId ? [write.lotId] : []));
  const lots = await db.lot.findMany({
    where: { id: { in: lotIds } },
    select: { id: true, lotCode: true },
  });
  const codes = new Map(lots.map((lot) => [lot.id, lot.lotCode]));
  const unknown = writes.filter((write) => !write.lotId || !codes.has(write.lotId));
  const fromPayloads = new Map<string, string | null>();
  if (unknown.length > 0) {
    const rows = await db.ledgerTransaction.findMany({
      where: { id: { in: unknown.map((write) => write.id) } },
      select: { id: true, payloadHash: true },
    });
    const payloads = await db.eventPayload.findMany({
      where: { hash: { in: rows.flatMap((row) => (row.payloadHash ? [row.payloadHash] : [])) } },
      select: { hash: true, body: true },
    });
    const byHash = new Map(payloads.map((p) => [p.hash, mainLotCodeOf(p.body)]));
    for (const row of rows) fromPayloads.set(row.id, byHash.get(row.payloadHash ?? "") ?? null);
  }
  return writes.map((write) => ({
    ...write,
    lotCode: codes.get(write.lotId ?? "") ?? fromPayloads.get(write.id) ?? null,
  }));
}

/**
 * What a page shows the state of: the writes it was sent to follow and, on a lot's page, the
 * organisation's others about that lot still on their way to the ledger.
 */
export async function findFollowedWrites({
  db,
  organizationId,
  chainId,
  ids,
  lotId,
}: {
  db: Db;
  organizationId: string;
  chainId: number;
  ids: string[];
  lotId?: string;
}): Promise<FollowedWrite[]> {
  const [followed, waiting] = await Promise.all([
    getLedgerWriteStatuses({ db, organizationId, chainId, ids }),
    lotId ? findWaitingLedgerWrites({ db, organizationId, chainId, lotId }) : [],
  ]);
  const isFollowed = new Set(followed.map((write) => write.id));
  return withLotCodes(db, [...followed, ...waiting.filter((write) => !isFollowed.has(write.id))]);
}
