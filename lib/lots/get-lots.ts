import "server-only";
import type { Db } from "@/lib/db/client";

export type LotSummary = {
  id: string;
  gtin: string;
  lotCode: string;
  quantity: string | null;
  unit: string | null;
  status: string;
  createdTxHash: string;
  createdBlock: number;
};

/** Lots an organisation holds now, newest first. */
export async function findLotsHeldBy({
  db,
  custodian,
}: {
  db: Db;
  custodian: string;
}): Promise<LotSummary[]> {
  const lots = await db.lot.findMany({
    where: { custodian },
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
    },
  });
  return lots.map((lot) => ({ ...lot, quantity: lot.quantity?.toString() ?? null }));
}
