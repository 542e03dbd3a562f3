import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findVisibleLotIds } from "@/lib/lots/visibility";
import {
  type FsmaRecord,
  findLotIdsOf,
  findLotIdsWithEventsBetween,
  findLotRecords,
  findTraceRecords,
  writeFsmaWorkbook,
} from "@/lib/trace";
import type { FsmaWorkbookScope } from "./fsma-workbook-query";

/**
 * The FDA's sortable spreadsheet as an .xlsx workbook for a scope, of what the member may see
 * (regulators see every lot): a traceability lot code's full trace back and forward, as the CSV
 * has it; a product's lots; or the events recorded in a window of time. Named after the scope and
 * the day, and written in the audit log as it is handed out.
 */
export async function exportFsmaWorkbook(options: {
  db: Db;
  member: Member;
  scope: FsmaWorkbookScope;
  /** APP_URL, the stem of the TLC source references (the lots' Digital Links). */
  appUrl: string;
}): Promise<{ filename: string; workbook: Buffer }> {
  const { db, member, scope, appUrl } = options;
  const visible = async (lotIds: string[]) => [
    ...(await findVisibleLotIds({ db, member, lotIds })),
  ];
  let records: FsmaRecord[];
  if (scope.kind === "tlc") {
    const lotIds = await visible(await findLotIdsOf({ db, ...scope }));
    const traced = lotIds.length > 0 && (await findTraceRecords({ db, lotIds, appUrl }));
    if (!traced) {
      throw new AppError(
        "NOT_FOUND",
        `No lot with the traceability lot code ${scope.lotCode} is on LotLedger for your organisation: check the code after (10) on the label.`,
      );
    }
    records = traced;
  } else if (scope.kind === "product") {
    const lotIds = await visible(await findLotIdsOf({ db, gtin: scope.gtin }));
    records = await findLotRecords({ db, lotIds, appUrl });
  } else {
    const lotIds = await visible(await findLotIdsWithEventsBetween({ db, ...scope }));
    records = (await findLotRecords({ db, lotIds, appUrl })).filter((record) => {
      const time = record.when ? Date.parse(record.when) : Number.NaN;
      return time >= scope.from.getTime() && time < scope.to.getTime();
    });
  }
  const workbook = await writeFsmaWorkbook({ db, records });
  const filename = `fsma-204-${scopeName(scope)}-${new Date().toISOString().slice(0, 10)}.xlsx`;
  await recordAudit(db, member, {
    action: "EXPORTED_CSV",
    summary: `Downloaded the FSMA 204 workbook (${records.length} events) as ${filename}`,
    lotCode: scope.kind === "tlc" ? scope.lotCode : null,
  });
  return { filename, workbook };
}

function scopeName(scope: FsmaWorkbookScope): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, "_");
  if (scope.kind === "tlc") return safe(scope.lotCode);
  if (scope.kind === "product") return scope.gtin;
  return `${scope.from.toISOString().slice(0, 10)}-to-${scope.to.toISOString().slice(0, 10)}`;
}
