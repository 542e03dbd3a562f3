import "server-only";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
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
  createdTxHash: string;
  createdBlock: number;
  /** Whether the stored payload of its creation is verified on the ledger (see getLotDetail). */
  isVerified: boolean;
};

/** Lots an organisation holds now, newest first, each checked against its on-chain payload hash. */
export function findLotsHeldBy({
  db,
  custodian,
}: {
  db: Db;
  custodian: string;
}): Promise<LotSummary[]> {
  return findLots(db, { custodian });
}

/** Lots shipped to an organisation that it has not accepted or rejected yet. */
export function findIncomingLots({
  db,
  recipient,
}: {
  db: Db;
  recipient: string;
}): Promise<LotSummary[]> {
  return findLots(db, { recipient, status: "IN_TRANSIT" });
}

async function findLots(db: Db, where: Prisma.LotWhereInput): Promise<LotSummary[]> {
  const lots = await db.lot.findMany({
    where,
    orderBy: [{ createdBlock: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      gtin: true,
      lotCode: true,
      quantity: true,
      unit: true,
      status: true,
      createdTxHash: true,
      createdBlock: true,
      payloadHash: true,
      producer: true,
    },
  });
  const [payloads, producers, products] = await Promise.all([
    findStoredPayloads(
      db,
      lots.map((lot) => lot.payloadHash),
    ),
    db.organization.findMany({
      where: { chainAddress: { in: [...new Set(lots.map((lot) => lot.producer))] } },
      select: { chainAddress: true, gln: true },
    }),
    findProducts(
      db,
      lots.map((lot) => lot.gtin),
    ),
  ]);
  // The creation event is signed by the lot's producer, so its payload must be the producer's.
  const glns = new Map(producers.map((o) => [o.chainAddress, o.gln]));
  return lots.map(({ payloadHash, producer, ...lot }) => ({
    ...lot,
    product: products.has(lot.gtin) ? productLabel(products.get(lot.gtin) ?? null, lot.gtin) : null,
    quantity: lot.quantity?.toString() ?? null,
    isVerified: payloads.isVerified({ lotId: lot.id, payloadHash }, glns.get(producer) ?? null),
  }));
}
