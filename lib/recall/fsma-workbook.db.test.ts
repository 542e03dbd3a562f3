import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findMember } from "@/lib/auth/auth";
import type { Member } from "@/lib/auth/session";
import { LotTracker__factory } from "@/lib/chain/generated";
import { processOutbox } from "@/lib/chain/outbox/sender";
import { runPollLoop } from "@/lib/chain/poll-loop";
import { createProvider } from "@/lib/chain/provider";
import { queueTrackingEvent } from "@/lib/events/record-event";
import { indexNextBatch } from "@/lib/indexer/indexer";
import { createSignerLookup } from "@/lib/organizations";
import { FSMA_TEMPLATE_SHEETS, LEDGER_COLUMNS } from "@/lib/trace/fsma-template";
import { deployLotTracker } from "@/tools/chain/deploy";
import { type DemoCast, findDemoCast, waitUntilRecorded } from "@/tools/stack/demo-cast";
import { dayBefore, harvestForm, ROMAINE_HEARTS_GTIN } from "@/tools/stack/demo-forms";
import { seedDemoLots } from "@/tools/stack/demo-lots";
import { DEMO_BILL_OF_LADING, DEMO_LOT_CODES } from "@/tools/stack/demo-story";
import { fundFrom, seedDemoData } from "@/tools/stack/seed";
import { TEST_MASTER_KEY } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { exportFsmaWorkbook } from "./fsma-workbook";
import type { FsmaWorkbookScope } from "./fsma-workbook-query";

// The FDA workbook on the demo story, told through the ledger as `npm start` tells it, plus a salad
// made from three harvests: the template's sheets and headers, and a transformation's inputs as rows.

const CHAIN_ID = 31337;
const APP_URL = "http://localhost:3000";
const SALAD = "SALAD-2611";
const HARVESTS = ["RM-2611-C", "RM-2611-D", "RM-2611-E"];
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);
const running = new AbortController();
let database: TestDatabase;
let cast: DemoCast;
let regulator: Member;
let stranger: Member;

/** The workbook of a scope as exceljs reads it back, sheet by sheet: header row, then the rows. */
async function workbookOf(member: Member, scope: FsmaWorkbookScope) {
  const { workbook } = await exportFsmaWorkbook({
    db: database.db,
    member,
    scope,
    appUrl: APP_URL,
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(workbook as unknown as ArrayBuffer);
  return new Map(
    book.worksheets.map((sheet) => {
      const rows = sheet.getSheetValues().slice(1) as unknown[][];
      return [sheet.name, rows.map((row) => (row ?? []).slice(1))] as const;
    }),
  );
}

/** One sheet's rows as objects keyed by header. */
function recordsOf(sheets: Map<string, unknown[][]>, name: string) {
  const [headers = [], ...rows] = sheets.get(name) ?? [];
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i] ?? null])));
}

async function memberByEmail(email: string): Promise<Member> {
  const user = await database.db.user.findUniqueOrThrow({ where: { email } });
  return (await findMember(database.db, user.id)) as Member;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const admin = await provider.getSigner(0);
  const deployment = await deployLotTracker(admin);
  await seedDemoData({
    db,
    masterKey: TEST_MASTER_KEY,
    lotTracker: LotTracker__factory.connect(deployment.address, admin),
    fundEach: fundFrom(admin),
  });
  const chain = { db, provider, chainId: CHAIN_ID, contractAddress: deployment.address };
  const quiet = { signal: running.signal, pollMs: 50, log: () => {} };
  const signerOf = createSignerLookup({ db, masterKey: TEST_MASTER_KEY });
  void runPollLoop(
    "sender",
    async () => (await processOutbox({ ...chain, signerOf, log: () => {} })) > 0,
    quiet,
  );
  const source = { ...chain, startBlock: deployment.blockNumber, confirmations: 0 };
  void runPollLoop("indexer", async () => (await indexNextBatch(source)).blocks > 0, quiet);
  await seedDemoLots({ db, chainId: CHAIN_ID, appUrl: APP_URL, log: () => {} });
  cast = await findDemoCast(db);
  regulator = await memberByEmail("regulator@lotledger.demo");
  stranger = await memberByEmail("processor@lotledger.demo");
  const recorded = waitUntilRecorded(db, CHAIN_ID);
  const harvestIds: string[] = [];
  for (const lotCode of HARVESTS) {
    const values = harvestForm(cast.farm, { lotCode, kilograms: 100 });
    const harvest = await queueTrackingEvent({ db, member: cast.farm, cte: "harvesting", values });
    await recorded(harvest);
    harvestIds.push(harvest.lotId);
  }
  const salad = await queueTrackingEvent({
    db,
    member: cast.farm,
    cte: "transformation",
    values: {
      inputLotIds: harvestIds,
      ...Object.fromEntries(harvestIds.map((id, i) => [`used.${id}`, String(90 + i)])),
      locationGln: cast.farm.siteGln,
      "outputs.0.gtin": ROMAINE_HEARTS_GTIN,
      "outputs.0.lotCode": SALAD,
      "outputs.0.quantity": "270",
      "outputs.0.unit": "kg",
      "outputs.0.productDescription": "Chopped romaine salad",
      dateCompleted: dayBefore(1),
      documentType: "prodorder",
      documentNumber: "WO-719-2043",
    },
  });
  await recorded(salad);
}, 180_000);

afterAll(async () => {
  running.abort();
  await database?.drop();
});

describe("the FDA FSMA 204 workbook", () => {
  it("has the template's 13 sheets and their headers in order, the ledger's columns after", async () => {
    const sheets = await workbookOf(cast.farm, { kind: "tlc", lotCode: DEMO_LOT_CODES.packed });
    expect([...sheets.keys()]).toEqual(Object.keys(FSMA_TEMPLATE_SHEETS));
    for (const [name, headers] of Object.entries(FSMA_TEMPLATE_SHEETS)) {
      const [row = [], ...rows] = sheets.get(name) ?? [];
      expect(row, name).toEqual(rows.length > 0 ? [...headers, ...LEDGER_COLUMNS] : headers);
    }
    const shipping = recordsOf(sheets, "Shipping");
    const toStore = shipping.find((r) => r["Reference Document Number"] === DEMO_BILL_OF_LADING);
    expect(toStore).toMatchObject({
      "Traceability Lot Code": DEMO_LOT_CODES.packed,
      "Verified on the ledger": "yes",
      "Location Description for the Immediate Subsequent Recipient (other than a transporter) - Business Name":
        expect.stringContaining("FreshMart"),
    });
    expect(toStore?.["Shipping Date (mm/dd/yyyy)"]).toBeInstanceOf(Date);
  });

  it("writes a transformation as one row per input lot, the new TLC on each", async () => {
    const sheets = await workbookOf(cast.farm, { kind: "tlc", lotCode: SALAD });
    const rows = recordsOf(sheets, "Transformation");
    expect(
      rows.map((r) => [
        r["Traceability Lot Code for the FTL Food used in Transformation (if applicable)"],
        r[
          "Quantity of the food from this traceability lot that was used in the transformation (if applicable)"
        ],
        r["New Traceability Lot Code you assigned to the Food Produced Through Transformation"],
        r["Reference Document Number"],
        r["Verified on the ledger"],
      ]),
    ).toEqual(HARVESTS.map((code, i) => [code, 90 + i, SALAD, "WO-719-2043", "yes"]));
    expect(recordsOf(sheets, "Harvesting").map((r) => r["Reference Document Number"])).toEqual(
      HARVESTS.map((code) => `HL-${code}`),
    );
  });

  it("answers a product or a date range with what the member may see, regulators everything", async () => {
    const product = await workbookOf(regulator, { kind: "product", gtin: ROMAINE_HEARTS_GTIN });
    expect(recordsOf(product, "Transformation").length).toBeGreaterThanOrEqual(3);
    expect(
      recordsOf(
        await workbookOf(stranger, { kind: "product", gtin: ROMAINE_HEARTS_GTIN }),
        "Shipping",
      ),
    ).toEqual([]);
    const today = new Date(`${dayBefore(0)}T00:00:00Z`);
    const week = {
      kind: "dates",
      from: new Date(today.getTime() - 7 * 86_400_000),
      to: new Date(today.getTime() + 86_400_000),
    } as const;
    const harvests = recordsOf(await workbookOf(cast.farm, week), "Harvesting");
    expect(harvests.map((r) => r["Reference Document Number"])).toContain(`HL-${HARVESTS[0]}`);
    const longAgo = {
      kind: "dates",
      from: new Date("2020-01-01"),
      to: new Date("2020-02-01"),
    } as const;
    expect(recordsOf(await workbookOf(regulator, longAgo), "Harvesting")).toEqual([]);
    await expect(
      exportFsmaWorkbook({
        db: database.db,
        member: stranger,
        scope: { kind: "tlc", lotCode: SALAD },
        appUrl: APP_URL,
      }),
    ).rejects.toThrow(
      `No lot with the traceability lot code ${SALAD} is on LotLedger for your organisation: check the code after (10) on the label.`,
    );
  });
});

// LibreOffice proves the file opens outside Excel. CI installs it (.ci/run); a machine without it
// skips this part only when it is not CI, and says so.
const hasLibreOffice = spawnSync("libreoffice", ["--version"]).status === 0;
const skipsLibreOffice = !hasLibreOffice && !process.env.CI;
if (skipsLibreOffice) {
  console.warn(
    "Skipping the LibreOffice check of the FSMA workbook: LibreOffice is not installed (apt-get install -y --no-install-recommends libreoffice-calc-nogui); CI installs it and runs it.",
  );
}
/** Every sheet to its own CSV (the last field, -1), UTF-8 (76), comma-separated (44), quoted (34). */
const CSV_EVERY_SHEET =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

describe.skipIf(skipsLibreOffice)("the FDA FSMA 204 workbook in LibreOffice", () => {
  it("converts to CSV sheet by sheet, with the template's headers and dates as mm/dd/yyyy", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "fsma-workbook-"));
    try {
      const scope = {
        kind: "dates",
        from: new Date(Date.now() - 7 * 86_400_000),
        to: new Date(Date.now() + 86_400_000),
      } as const;
      const { workbook } = await exportFsmaWorkbook({
        db: database.db,
        member: regulator,
        scope,
        appUrl: APP_URL,
      });
      await writeFile(path.join(folder, "fsma.xlsx"), workbook);
      await promisify(execFile)(
        "libreoffice",
        [
          `-env:UserInstallation=file://${folder}/profile`,
          "--headless",
          "--convert-to",
          CSV_EVERY_SHEET,
          "--outdir",
          folder,
          path.join(folder, "fsma.xlsx"),
        ],
        { timeout: 60_000 },
      );
      const sheets = new Map<string, string[][]>();
      for (const name of Object.keys(FSMA_TEMPLATE_SHEETS)) {
        const csv = await readFile(path.join(folder, `fsma-${name}.csv`), "utf8");
        sheets.set(name, parse(csv, { relax_column_count: true }) as string[][]);
      }
      for (const [name, headers] of Object.entries(FSMA_TEMPLATE_SHEETS)) {
        expect(sheets.get(name)?.[0]?.slice(0, headers.length), name).toEqual(headers);
      }
      const [header = [], ...rows] = sheets.get("Transformation") ?? [];
      const column = (title: string) => header.indexOf(title);
      const inputs = rows.filter(
        (row) =>
          row[
            column(
              "New Traceability Lot Code you assigned to the Food Produced Through Transformation",
            )
          ] === SALAD,
      );
      expect(
        inputs.map(
          (row) =>
            row[
              column(
                "Traceability Lot Code for the FTL Food used in Transformation (if applicable)",
              )
            ],
        ),
      ).toEqual(HARVESTS);
      expect(inputs[0]?.[column("Transformation Completion Date (mm/dd/yyyy)")]).toMatch(
        /^\d{2}\/\d{2}\/\d{4}$/,
      );
      const shipping = sheets.get("Shipping") ?? [];
      expect(shipping.some((row) => row.includes(DEMO_BILL_OF_LADING) && row.includes("yes"))).toBe(
        true,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 90_000);
});
