// Measures the FDA FSMA 204 workbook (lib/trace: the template's .xlsx) of one lot's full trace
// against the FSMA 204 CSV of the same lot in the same run (the baseline): starts its own embedded
// PostgreSQL in a temporary folder, seeds bench:trace's supply chain (--lots, default 10,000, and
// --events, default 240,000, with their EPCIS payloads), picks among --candidates random lots
// (default 400) the one whose trace has the number of rows nearest to --rows (default 600), then
// builds each file --runs times (default 20), one at a time. Prints a short report, or with --json
// one JSON object. Exits 1 when the workbook misses its target: ≤ 1 s (the slowest run).
import ExcelJS from "exceljs";
import { createPrismaClient } from "@/lib/db/client";
import { findTraceRecords, getFsmaSpreadsheet, writeFsmaWorkbook } from "@/lib/trace";
import { startBenchDatabase, wholeNumberFlag } from "./embedded-database";
import { pickLotWithTraceRows } from "./fsma/pick-lot";
import { type Cleanups, reportTargets, runBench } from "./run-bench";
import { percentile, round, sample, timeEach } from "./trace/measure";
import { seedTraceData } from "./trace/seed";
import { createRng } from "./trace/world";

const TARGET_MS = 1_000;

function parseArgs(argv: string[]) {
  const number = (flag: string, fallback: number) => wholeNumberFlag(argv, flag, fallback);
  return {
    isJson: argv.includes("--json"),
    lots: number("--lots", 10_000),
    events: number("--events", 240_000),
    candidates: number("--candidates", 400),
    rows: number("--rows", 600),
    runs: number("--runs", 20),
    seed: number("--seed", 204),
  };
}

async function main(cleanups: Cleanups): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const say = (line: string) => (args.isJson ? console.error(line) : console.log(line));
  const postgres = await startBenchDatabase("fsma");
  cleanups.push(() => postgres.stop());
  say(`seeding ${args.events} events over ${args.lots} lots…`);
  const seeded = await seedTraceData({ databaseUrl: postgres.databaseUrl, ...args, say });
  const db = createPrismaClient(postgres.databaseUrl);
  cleanups.push(() => db.$disconnect());
  const candidates = sample(seeded.lotIds, args.candidates, createRng(args.seed + 1).next);
  const { lotId } = await pickLotWithTraceRows(db, candidates, args.rows);
  say(`lot ${lotId}: timing ${args.runs} workbooks and ${args.runs} CSVs…`);

  let rows = 0;
  let file: Buffer = Buffer.alloc(0);
  const csv = async () => {
    rows = (await getFsmaSpreadsheet({ db, lotId }))?.rows.length ?? 0;
  };
  const workbook = async () => {
    file = await writeFsmaWorkbook({
      db,
      records: (await findTraceRecords({ db, lotIds: [lotId] })) ?? [],
    });
  };
  // Warm-up (connections, query plans, the JIT), not measured.
  for (let i = 0; i < 3; i++) await csv().then(workbook);
  const runs = Array.from({ length: args.runs }, () => lotId);
  const csvMs = await timeEach(runs, csv);
  const workbookMs = await timeEach(runs, workbook);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const result = {
    lot_trace_rows: rows,
    // Below each sheet's header: one per CTE, one per transformation input; no carrier legs.
    workbook_rows: book.worksheets.reduce((sum, sheet) => sum + sheet.rowCount - 1, 0),
    workbook_bytes: file.length,
    workbook_p50_ms: percentile(workbookMs, 50),
    workbook_max_ms: round(Math.max(...workbookMs)),
    baseline: { csv_p50_ms: percentile(csvMs, 50), csv_max_ms: round(Math.max(...csvMs)) },
    runs: args.runs,
    seed_seconds: round(seeded.seconds),
  };
  const isMet = reportTargets(result, { workbook_max_ms: TARGET_MS }, { isJson: args.isJson, say });
  return isMet ? 0 : 1;
}

runBench(main);
