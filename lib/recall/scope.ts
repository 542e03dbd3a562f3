import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { canSeeLot, requireVisibleLot } from "@/lib/lots/visibility";
import {
  getFsmaSpreadsheet,
  getRecallScope,
  type RecallScope,
  recallScopeCsv,
  traceBack,
  traceForward,
} from "@/lib/trace";
import { findVisibleRecall, requireVisibleRecall } from "./access";
import type { LineageNode, LineageRole } from "./lineage-layout";
import { findRecallParties, type RecallParty } from "./parties";

/** More boxes than this make a graph nobody reads on a screen; the CSV export lists every lot. */
const MAX_GRAPH_LOTS = 120;

export type LineageFamily = {
  nodes: LineageNode[];
  links: { parentId: string; childId: string }[];
  /** Lots left out of the graph to keep it readable (the scope's own lots are kept first). */
  omitted: number;
};

/**
 * What the recall graph shows around a lot: the lot, everything made from it (the scope), what it
 * came from, and one step beyond both — its siblings and the other inputs mixed into its descendants
 * — so the reader sees exactly where the recall stops. Null when there is no such lot or the member
 * may not see it (canSeeLot).
 */
export async function getLineageFamily({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<LineageFamily | null> {
  if (!(await canSeeLot({ db, member, lotId }))) return null;
  return lineageFamilyOf(db, lotId);
}

/**
 * What recalling the lot would affect, for the review before a recall: its scope, its graph, and
 * every organisation it would notify (parties.ts).
 * Null when there is no such lot or the member may not see it (canSeeLot).
 */
export async function previewRecall({
  db,
  member,
  lotId,
}: {
  db: Db;
  member: Member;
  lotId: string;
}): Promise<{ scope: RecallScope; family: LineageFamily; parties: RecallParty[] } | null> {
  if (!(await canSeeLot({ db, member, lotId }))) return null;
  const [scope, family] = await Promise.all([
    getRecallScope({ db, lotId }),
    lineageFamilyOf(db, lotId),
  ]);
  return scope && family && { scope, family, parties: await findRecallParties(db, scope) };
}

/** The lineage graph of a lot already known to be visible (a recall's, or one checked above). */
async function lineageFamilyOf(db: Db, lotId: string): Promise<LineageFamily | null> {
  const [back, forward] = await Promise.all([
    traceBack({ db, lotId }),
    traceForward({ db, lotId }),
  ]);
  if (!back || !forward) return null;
  const roles = new Map<string, LineageRole>();
  for (const lot of forward.lots) roles.set(lot.id, lot.id === lotId ? "recalled" : "descendant");
  for (const lot of back.lots) if (!roles.has(lot.id)) roles.set(lot.id, "ancestor");

  const scopeIds = forward.lots.map((lot) => lot.id);
  const ancestorIds = back.lots.filter((lot) => lot.id !== lotId).map((lot) => lot.id);
  const nearby = await db.lotLineage.findMany({
    where: { OR: [{ childId: { in: scopeIds } }, { parentId: { in: ancestorIds } }] },
    select: { parentId: true, childId: true },
    take: MAX_GRAPH_LOTS * 4,
  });
  const relatedIds = [...new Set(nearby.flatMap((l) => [l.parentId, l.childId]))].filter(
    (id) => !roles.has(id),
  );
  for (const id of relatedIds) roles.set(id, "related");

  const related = await db.lot.findMany({
    where: { id: { in: relatedIds } },
    select: { id: true, gtin: true, lotCode: true, status: true },
  });
  const known = new Map<string, { gtin: string; lotCode: string; status: string }>(
    [...back.lots, ...forward.lots, ...related].map((lot) => [lot.id, lot]),
  );

  const order: LineageRole[] = ["recalled", "descendant", "ancestor", "related"];
  const all = [...roles].sort(([, a], [, b]) => order.indexOf(a) - order.indexOf(b));
  const drawn = all.slice(0, MAX_GRAPH_LOTS).flatMap(([id, role]) => {
    const lot = known.get(id);
    return lot ? [{ id, lotCode: lot.lotCode, gtin: lot.gtin, status: lot.status, role }] : [];
  });
  const links = new Map(
    [...back.links, ...forward.links, ...nearby].map((l) => [`${l.parentId}>${l.childId}`, l]),
  );
  return {
    nodes: drawn,
    links: [...links.values()].map(({ parentId, childId }) => ({ parentId, childId })),
    omitted: all.length - drawn.length,
  };
}

export type LotExport = "scope" | "fsma";

/**
 * A lot's recall scope (the lot and every lot made from it, with holders and packages) or its full
 * trace as the FDA FSMA 204 sortable spreadsheet, named after the lot and the day; for a member who
 * may see the lot, and the not-found refusal of a lot that does not exist to anyone else.
 */
export async function exportLot({
  db,
  member,
  lotId,
  kind,
  appUrl,
}: {
  db: Db;
  member: Member;
  lotId: string;
  kind: LotExport;
  /** APP_URL, the stem of the TLC source references (the lots' Digital Links). */
  appUrl?: string;
}): Promise<{ filename: string; csv: string }> {
  await requireVisibleLot({ db, member, lotId, sentence: NO_LOT_TO_EXPORT });
  return lotExport(db, member, lotId, kind, { appUrl });
}

/** The same downloads for a recall's lot, for those who may see the recall. */
export async function exportRecall({
  db,
  member,
  recallId,
  kind,
  appUrl,
}: {
  db: Db;
  member: Member;
  recallId: string;
  kind: LotExport;
  appUrl?: string;
}): Promise<{ filename: string; csv: string }> {
  const recall = requireVisibleRecall(await findVisibleRecall({ db, member, recallId }));
  return lotExport(db, member, recall.lotId, kind, { recallId: recall.id, appUrl });
}

const NO_LOT_TO_EXPORT =
  "LotLedger has no such lot for your organisation: search for the batch on the recalls page.";

/** The download, written in the audit log as it is handed out. */
async function lotExport(
  db: Db,
  member: Member,
  lotId: string,
  kind: LotExport,
  { recallId, appUrl }: { recallId?: string; appUrl?: string } = {},
) {
  const lot = await db.lot.findUnique({ where: { id: lotId }, select: { lotCode: true } });
  const csv = lot && (await (kind === "scope" ? scopeCsv(db, lotId) : fsmaCsv(db, lotId, appUrl)));
  if (!lot || !csv) throw new AppError("NOT_FOUND", NO_LOT_TO_EXPORT);
  const day = new Date().toISOString().slice(0, 10);
  const safeCode = lot.lotCode.replace(/[^A-Za-z0-9._-]+/g, "_");
  const filename = `${kind === "scope" ? "recall-scope" : "fsma-204"}-${safeCode}-${day}.csv`;
  const what = kind === "scope" ? "the recall scope" : "the FSMA 204 spreadsheet";
  await recordAudit(db, member, {
    action: "EXPORTED_CSV",
    summary: `Downloaded ${what} of lot ${lot.lotCode} as ${filename}`,
    lotId,
    lotCode: lot.lotCode,
    recallId,
  });
  return { filename, csv };
}

async function scopeCsv(db: Db, lotId: string): Promise<string | null> {
  const scope = await getRecallScope({ db, lotId });
  return scope && recallScopeCsv(scope);
}

async function fsmaCsv(db: Db, lotId: string, appUrl?: string): Promise<string | null> {
  return (await getFsmaSpreadsheet({ db, lotId, appUrl }))?.csv ?? null;
}
