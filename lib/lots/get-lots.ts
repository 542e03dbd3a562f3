import "server-only";
import { findStoredPayloads } from "@/lib/chain/payload";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export type LotSummary = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: string;
  createdTxHash: string;
  createdBlock: number;
  /** Whether the stored payload of its creation still hashes to the value on the chain. */
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
    },
  });
  const payloads = await findStoredPayloads(
    db,
    lots.map((lot) => lot.payloadHash),
  );
  return lots.map(({ payloadHash, ...lot }) => ({
    ...lot,
    quantity: lot.quantity?.toString() ?? null,
    isVerified: payloads.isIntact(payloadHash),
  }));
}
