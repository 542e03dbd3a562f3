import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db/client";
import type { Catalog } from "./fsma-cells";
import type { FsmaRecord } from "./fsma-record";
import { FSMA_TEMPLATE_SHEETS, type FsmaSheetName, LEDGER_COLUMNS } from "./fsma-template";
import { workbookRows } from "./fsma-workbook-rows";

// The FDA's sortable spreadsheet as an .xlsx workbook: the template's 13 sheets with their headers
// in row 1 (frozen, with a filter, so "sort by TLC" and "filter by date" work at once), one row per
// event and per transformation input below, and on each sheet LotLedger fills, its two columns
// after the template's: whether the record is verified against the ledger, and its transaction.

const DATE_FORMAT = "mm/dd/yyyy";

/**
 * The workbook of these records, as the bytes of an .xlsx file. Written row by row with exceljs'
 * streaming writer: half the time of building the whole workbook in memory first (bench:fsma).
 */
export async function writeFsmaWorkbook(options: {
  db: Db;
  records: FsmaRecord[];
}): Promise<Buffer> {
  const rows = workbookRows(options.records, await findCatalog(options));
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  workbook.creator = "LotLedger";
  for (const [name, template] of Object.entries(FSMA_TEMPLATE_SHEETS)) {
    const sheetRows = rows.get(name as FsmaSheetName);
    const headers = [...template, ...(sheetRows ? LEDGER_COLUMNS : [])];
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    sheet.columns = headers.map((header) => ({
      header,
      width: header.length > 60 ? 40 : 24,
      style: header.includes("(mm/dd/yyyy)") ? { numFmt: DATE_FORMAT } : {},
    }));
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: "top" };
    head.commit();
    for (const row of sheetRows ?? []) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The product catalogue's entries for the GTINs of these records and of their inputs. */
async function findCatalog({ db, records }: { db: Db; records: FsmaRecord[] }): Promise<Catalog> {
  const gtins = new Set(
    records.flatMap((record) => [record.lot.gtin, ...record.inputs.map((input) => input.gtin)]),
  );
  const products = await db.product.findMany({
    where: { gtin: { in: [...gtins] } },
    select: {
      gtin: true,
      name: true,
      brand: true,
      commodity: true,
      variety: true,
      netContent: true,
    },
  });
  return new Map(products.map(({ gtin, ...product }) => [gtin, product]));
}
