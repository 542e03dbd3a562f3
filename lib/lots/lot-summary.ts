import "server-only";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import { findProducts, productLabel } from "@/lib/products";

export type LotSummary = {
  id: string;
  gtin: string;
  /** The product's name as people know it (brand and name), or null when nobody described the GTIN. */
  product: string | null;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: string;
  /** The storage rule holds it until its custodian releases it (LotHeld). */
  isOnHold: boolean;
  createdTxHash: string;
  createdBlock: number;
  /** Whether the stored payload of its creation is verified on the ledger (see getLotDetail). */
  isVerified: boolean;
  /** Where its latest located event happened (the EPCIS bizLocation): the site it is at or left from. */
  place: { gln: string; name: string | null } | null;
  /** When it reached its current state: the indexer's time of its latest ledger event. */
  since: Date | null;
};

type WhereWhen = { lotId: string; since: Date | null; gln: string | null };

/**
 * The lots of these ids as a list shows them, in the order given: product names, where and since
 * when, and each creation checked against its on-chain payload hash. A handful of queries whatever
 * the number of lots, each by primary key or index.
 */
export async function summariseLots(db: Db, ids: string[]): Promise<LotSummary[]> {
  if (ids.length === 0) return [];
  const [lots, whereWhen] = await Promise.all([
    db.lot.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        gtin: true,
        lotCode: true,
        quantity: true,
        unit: true,
        status: true,
        isOnHold: true,
        createdTxHash: true,
        createdBlock: true,
        payloadHash: true,
        producer: true,
      },
    }),
    // The latest event of each lot, and the latest one whose payload names a place (a recall's does not).
    db.$queryRaw<WhereWhen[]>`
      SELECT latest."lotId", latest."createdAt" AS since, located.gln
      FROM (
        SELECT DISTINCT ON (e."lotId") e."lotId", e."createdAt"
        FROM "LedgerEvent" e WHERE e."lotId" = ANY(${ids}::text[])
        ORDER BY e."lotId", e."blockNumber" DESC, e."logIndex" DESC
      ) latest
      LEFT JOIN (
        SELECT DISTINCT ON (e."lotId") e."lotId", right(p.body->'bizLocation'->>'id', 13) AS gln
        FROM "LedgerEvent" e JOIN "EventPayload" p ON p.hash = e."payloadHash"
        WHERE e."lotId" = ANY(${ids}::text[]) AND p.body ? 'bizLocation'
        ORDER BY e."lotId", e."blockNumber" DESC, e."logIndex" DESC
      ) located ON located."lotId" = latest."lotId"`,
  ]);
  const glnsOfPlaces = [...new Set(whereWhen.flatMap((row) => (row.gln ? [row.gln] : [])))];
  // A lot received from a supplier off LotLedger was registered (signed) by its first receiver.
  const receivedIds = lots.flatMap((lot) => (lot.producer === null ? [lot.id] : []));
  const receipts =
    receivedIds.length === 0
      ? []
      : await db.ledgerEvent.findMany({
          where: { lotId: { in: receivedIds }, name: "LotReceived" },
          select: { lotId: true, actor: true },
        });
  const receivers = new Map(receipts.map((row) => [row.lotId, row.actor]));
  const receivedSigners = [...receivers.values()];
  const [payloads, producers, products, locations] = await Promise.all([
    findStoredPayloads(
      db,
      lots.map((lot) => lot.payloadHash),
    ),
    db.organization.findMany({
      where: {
        chainAddress: {
          in: [...new Set([...lots.flatMap((lot) => lot.producer ?? []), ...receivedSigners])],
        },
      },
      select: { chainAddress: true, gln: true },
    }),
    findProducts(
      db,
      lots.map((lot) => lot.gtin),
    ),
    db.location.findMany({
      where: { gln: { in: glnsOfPlaces } },
      select: { gln: true, name: true },
    }),
  ]);
  // The creation event is signed by the lot's producer, so its payload must be the producer's.
  const glns = new Map(producers.map((o) => [o.chainAddress, o.gln]));
  const places = new Map(locations.map((l) => [l.gln, l.name]));
  const found = new Map(whereWhen.map((row) => [row.lotId, row]));
  const byId = new Map(lots.map((lot) => [lot.id, lot]));
  return ids.flatMap((id) => {
    const lot = byId.get(id);
    if (!lot) return [];
    const { payloadHash, producer, ...rest } = lot;
    const at = found.get(id);
    return [
      {
        ...rest,
        product: products.has(lot.gtin)
          ? productLabel(products.get(lot.gtin) ?? null, lot.gtin)
          : null,
        quantity: lot.quantity?.toString() ?? null,
        isVerified: payloads.isVerified(
          { lotId: lot.id, payloadHash },
          glns.get(producer ?? receivers.get(lot.id) ?? "") ?? null,
        ),
        place: at?.gln ? { gln: at.gln, name: places.get(at.gln) ?? null } : null,
        since: at?.since ?? null,
      },
    ];
  });
}
