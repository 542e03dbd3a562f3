import "server-only";
import { toCsv } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import type { FsmaLot } from "./fsma-facts";
import type { FsmaRecord } from "./fsma-record";
import { findFsmaRecords } from "./fsma-records";
import { FSMA_COLUMNS, type FsmaRow, fsmaRow } from "./fsma-row";
import type { RecallScope } from "./recall-scope";
import { type Holder, traceBack, traceForward } from "./trace";

// The spreadsheets a recall hands out: the FDA FSMA 204 sortable spreadsheet of a lot's full trace,
// and the recall scope, lot by lot. Both are CSV as RFC 4180 writes it, safe to open (below).

export type FsmaSpreadsheet = { lotId: string; rows: FsmaRow[]; csv: string };

/** GS1's canonical Digital Link stem: names the lot, but resolves only through GS1's resolver. */
const GS1_STEM = "https://id.gs1.org";

/**
 * The FDA FSMA 204 electronic sortable spreadsheet for a lot's full trace, back to its origins and
 * forward to every lot made from it: one row per critical tracking event, in chain order, with its
 * key data elements and whether its record is verified against the ledger (findFsmaRecords). Null
 * when the read model has no such lot.
 */
export async function getFsmaSpreadsheet(options: {
  db: Db;
  lotId: string;
  /**
   * Where LotLedger answers Digital Links (APP_URL): the stem of each TLC source reference. Left
   * out, GS1's canonical stem (https://id.gs1.org).
   */
  appUrl?: string;
}): Promise<FsmaSpreadsheet | null> {
  const records = await findTraceRecords({ ...options, lotIds: [options.lotId] });
  if (!records) return null;
  const rows = records.map(fsmaRow);
  const csv = toCsv([
    FSMA_COLUMNS.map(([, header]) => header),
    ...rows.map((row) => FSMA_COLUMNS.map(([key]) => row[key])),
  ]);
  return { lotId: options.lotId, rows, csv };
}

/**
 * The FSMA records of these lots' full traces (back and forward), each event once however many
 * traces share it; null when there is no such lot.
 */
export async function findTraceRecords(options: {
  db: Db;
  lotIds: string[];
  appUrl?: string;
}): Promise<FsmaRecord[] | null> {
  const { db, appUrl = GS1_STEM } = options;
  const lots = new Map<string, FsmaLot>();
  for (const lotId of options.lotIds) {
    const [back, forward] = await Promise.all([
      traceBack({ db, lotId }),
      traceForward({ db, lotId }),
    ]);
    if (!back || !forward) return null;
    for (const lot of back.lots) lots.set(lot.id, { ...lot, generation: -lot.depth });
    for (const lot of forward.lots) lots.set(lot.id, { ...lot, generation: lot.depth });
  }
  return findFsmaRecords({ db, lots, appUrl });
}

const SCOPE_HEADER = [
  "Traceability lot code (TLC)",
  "GTIN",
  "Status",
  "Generation from the recalled lot",
  "Stock to find",
  "Quantity",
  "Unit of measure",
  "Custodian",
  "Custodian GLN",
  "Custodian location",
  "In transit to",
  "Packages",
  "Packages removed",
  "Lot id",
];

const holderText = (holder: Holder | null) => holder?.name ?? holder?.address ?? "";
const locationText = (holder: Holder) =>
  holder.location ? `${holder.location.name}, ${holder.location.address}` : "";

/**
 * A recall's scope as CSV, one row per affected lot (the recalled lot first, then by generation):
 * who holds it and where, and whether it is stock to find or was used up in a lot of the scope.
 */
export function recallScopeCsv(scope: RecallScope): string {
  const usedUp = new Set(scope.links.map((link) => link.parentId));
  return toCsv([
    SCOPE_HEADER,
    ...scope.lots.map((lot) => [
      lot.lotCode,
      lot.gtin,
      lot.status.toLowerCase().replace("_", " "),
      lot.depth,
      usedUp.has(lot.id) ? "no: used up in a lot below" : "yes",
      lot.quantity,
      lot.unit,
      holderText(lot.custodian),
      lot.custodian.gln,
      locationText(lot.custodian),
      lot.status === "IN_TRANSIT" ? holderText(lot.recipient) : "",
      lot.packages.total,
      lot.packages.removed,
      lot.id,
    ]),
  ]);
}
