import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { epcisDocument } from "@/lib/epcis/standard-event";
import { AppError } from "@/lib/errors";
import { requireVisibleLot } from "@/lib/lots/visibility";
import { traceBack, traceForward } from "@/lib/trace";

// A lot's whole trail as one EPCIS 2.0 EPCISDocument: the events of every lot it was made from (back
// to origin) and of every lot made from it (forward to each package), as stored in the repository
// (captured, or recorded in the app and rendered), in eventTime order. Capturing it into another
// LotLedger gives the same events with the same hash IDs.

const NO_LOT_TO_EXPORT =
  "LotLedger has no such lot for your organisation: search for the batch by its GTIN, lot code or a package's serial.";

/** The trail's lots: the lot, its ancestors and its descendants (whom may see the lot sees them). */
async function trailLotIds(db: Db, lotId: string): Promise<string[] | null> {
  const [back, forward] = await Promise.all([
    traceBack({ db, lotId }),
    traceForward({ db, lotId }),
  ]);
  if (!back || !forward) return null;
  return [...new Set([...back.lots, ...forward.lots].map((lot) => lot.id))];
}

export async function exportLotTrail({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<{ filename: string; body: string }> {
  await requireVisibleLot({ db, member, lotId, sentence: NO_LOT_TO_EXPORT });
  const [lot, lotIds] = await Promise.all([
    db.lot.findUnique({ where: { id: lotId }, select: { lotCode: true } }),
    trailLotIds(db, lotId),
  ]);
  if (!lot || !lotIds) throw new AppError("NOT_FOUND", NO_LOT_TO_EXPORT);
  const rows = await db.epcisEvent.findMany({
    where: { lotIds: { hasSome: lotIds } },
    // Events of one day (a harvest, then its packing) keep the order they were recorded in.
    orderBy: [{ eventTime: "asc" }, { recordTime: "asc" }, { id: "asc" }],
    select: { document: true },
  });
  const document = epcisDocument(rows.map((row) => row.document as Record<string, unknown>));
  const day = new Date().toISOString().slice(0, 10);
  const filename = `epcis-trail-${lot.lotCode.replace(/[^A-Za-z0-9._-]+/g, "_")}-${day}.jsonld`;
  await recordAudit(db, member, {
    action: "EXPORTED_EPCIS",
    summary: `Downloaded the EPCIS trail of lot ${lot.lotCode} (${rows.length} events) as ${filename}`,
    lotId,
    lotCode: lot.lotCode,
  });
  return { filename, body: JSON.stringify(document, null, 2) };
}
