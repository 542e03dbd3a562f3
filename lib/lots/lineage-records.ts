import "server-only";
import type { Db } from "@/lib/db/client";

type LedgerEventRow = {
  name: string;
  txHash: string;
  logIndex: number;
  payloadHash: string | null;
};

/**
 * Gives each LotConsumed its own on-chain record. LotTracker's `_derive` emits every input's
 * LotConsumed and then every output's LotDerived in one transaction, and only LotDerived carries
 * the payload hash: the record of a lot used up by a split, merge, packing or transformation is that
 * payload, which must name the lot among its inputs (`isInput`, lib/chain/payload.ts).
 */
export async function withLineageRecords<T extends LedgerEventRow>(
  db: Db,
  events: T[],
): Promise<(T & { isInput?: boolean })[]> {
  const consumed = events.filter((event) => event.name === "LotConsumed");
  if (consumed.length === 0) return events;
  const derived = await db.ledgerEvent.findMany({
    where: { txHash: { in: [...new Set(consumed.map((e) => e.txHash))] }, name: "LotDerived" },
    orderBy: { logIndex: "asc" },
    select: { txHash: true, logIndex: true, payloadHash: true },
  });
  return events.map((event) => {
    if (event.name !== "LotConsumed") return event;
    // The first derivation after it in its transaction: the one `_derive` call that used it up.
    const record = derived.find((d) => d.txHash === event.txHash && d.logIndex > event.logIndex);
    return { ...event, payloadHash: record?.payloadHash ?? null, isInput: true };
  });
}
