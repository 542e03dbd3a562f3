import "server-only";
import type { Db } from "@/lib/db/client";
import { mainLotCodeOf } from "@/lib/epcis/event";

export type PendingLotWrite = {
  id: string;
  lotId: string | null;
  lotCode: string | null;
  status: "PENDING" | "SIGNED" | "FAILED";
  txHash: string | null;
  error: string | null;
  createdAt: Date;
};

/**
 * An organisation's ledger writes that are not recorded yet, or failed in the last day, with the lot
 * code from their payload: what the lots page shows above the recorded lots.
 */
export async function findPendingLotWrites({
  db,
  organizationId,
}: {
  db: Db;
  organizationId: string;
}): Promise<PendingLotWrite[]> {
  const rows = await db.ledgerTransaction.findMany({
    where: {
      organizationId,
      OR: [
        { status: { in: ["PENDING", "SIGNED"] } },
        { status: "FAILED", updatedAt: { gt: new Date(Date.now() - 86_400_000) } },
      ],
    },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      lotId: true,
      status: true,
      txHash: true,
      error: true,
      createdAt: true,
      payloadHash: true,
    },
  });
  const payloads = await db.eventPayload.findMany({
    where: { hash: { in: rows.flatMap((row) => (row.payloadHash ? [row.payloadHash] : [])) } },
    select: { hash: true, body: true },
  });
  const lotCodes = new Map(payloads.map((p) => [p.hash, mainLotCodeOf(p.body)]));
  return rows.map(({ payloadHash, ...row }) => ({
    ...row,
    status: row.status as PendingLotWrite["status"],
    lotCode: payloadHash ? (lotCodes.get(payloadHash) ?? null) : null,
  }));
}
