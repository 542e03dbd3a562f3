import "server-only";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getFsmaSpreadsheet, getRecallScope, recallScopeCsv } from "@/lib/trace";

export type LotExport = "scope" | "fsma";

/**
 * A lot's recall scope (the lot and every lot made from it, with holders and packages) or its full
 * trace as the FDA FSMA 204 sortable spreadsheet, named after the lot and the day.
 */
export async function exportLot({
  db,
  lotId,
  kind,
}: {
  db: Db;
  lotId: string;
  kind: LotExport;
}): Promise<{ filename: string; csv: string }> {
  const lot = await db.lot.findUnique({ where: { id: lotId }, select: { lotCode: true } });
  const csv = lot && (await (kind === "scope" ? scopeCsv : fsmaCsv)(db, lotId));
  if (!lot || !csv) {
    throw new AppError(
      "NOT_FOUND",
      "LotLedger has no such lot: search for the batch on the recalls page.",
    );
  }
  const day = new Date().toISOString().slice(0, 10);
  const safeCode = lot.lotCode.replace(/[^A-Za-z0-9._-]+/g, "_");
  return {
    filename: `${kind === "scope" ? "recall-scope" : "fsma-204"}-${safeCode}-${day}.csv`,
    csv,
  };
}

async function scopeCsv(db: Db, lotId: string): Promise<string | null> {
  const scope = await getRecallScope({ db, lotId });
  return scope && recallScopeCsv(scope);
}

async function fsmaCsv(db: Db, lotId: string): Promise<string | null> {
  return (await getFsmaSpreadsheet({ db, lotId }))?.csv ?? null;
}
