import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { findLotOfPackage, resolveLotOfScan } from "./resolve-lot";

const GTIN = "09506000134352";
const OTHER_GTIN = "09506000134369";
const STEM = "https://id.lotledger.example";
const link = (ais: Record<string, string>) => buildDigitalLink({ stem: STEM, ais });

let database: TestDatabase;
let db: Db;

/** A lot row as the indexer writes it, with packages as the app commissions them. */
async function createLot(gtin: string, lotCode: string, serials: string[]) {
  const lotId = lotIdOf(gtin, lotCode);
  await db.lot.create({
    data: {
      id: lotId,
      chainId: 31337,
      gtin,
      lotCode,
      custodian: "0x0000000000000000000000000000000000000001",
      producer: "0x0000000000000000000000000000000000000001",
      createdTxHash: `0x${"1".repeat(64)}`,
      createdBlock: 1,
    },
  });
  await db.package.createMany({
    data: serials.map((serial) => ({ lotId, serial, ledgerTransactionId: "unused" })),
  });
}

async function refusalOf(run: Promise<unknown>): Promise<[string, string]> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return [(error as AppError).code, (error as AppError).message];
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await createLot(GTIN, "LOT-A", ["K7M2X9QPLA", "SHARED2345"]);
  await createLot(GTIN, "LOT-B", ["SHARED2345"]);
  await createLot(OTHER_GTIN, "LOT-C", ["Z8Y7X6W5V4"]);
});

afterAll(async () => {
  await database.drop();
});

describe("resolveLotOfScan", () => {
  it("reads the lot from a lot-level or package-level Digital Link, or element strings", async () => {
    const lotA = { lotId: lotIdOf(GTIN, "LOT-A"), gtin: GTIN, lotCode: "LOT-A" };
    expect(await resolveLotOfScan({ db, text: link({ "01": GTIN, "10": "LOT-A" }) })).toEqual({
      ...lotA,
      serial: null,
    });
    const pkg = link({ "01": GTIN, "10": "LOT-A", "21": "K7M2X9QPLA" });
    expect(await resolveLotOfScan({ db, text: pkg })).toEqual({ ...lotA, serial: "K7M2X9QPLA" });
    expect(await resolveLotOfScan({ db, text: `(01)${GTIN}(21)K7M2X9QPLA` })).toEqual({
      ...lotA,
      serial: "K7M2X9QPLA",
    });
  });

  it("refuses, in a sentence, codes that lead to no single lot", async () => {
    expect(await refusalOf(resolveLotOfScan({ db, text: `(01)${GTIN}` }))).toEqual([
      "INVALID_INPUT",
      `This code names only the product (GTIN ${GTIN}), not a lot: scan a package's QR code or GS1 DataMatrix, which carry the lot number (10).`,
    ]);
    expect(
      await refusalOf(resolveLotOfScan({ db, text: link({ "01": GTIN, "10": "NOPE" }) })),
    ).toEqual([
      "NOT_FOUND",
      `LotLedger has no lot NOPE of GTIN ${GTIN}: check the label, or wait a minute if it was just recorded.`,
    ]);
    const forged = link({ "01": GTIN, "10": "LOT-A", "21": "Z8Y7X6W5V4" });
    expect(await refusalOf(resolveLotOfScan({ db, text: forged }))).toEqual([
      "NOT_FOUND",
      `Lot LOT-A of GTIN ${GTIN} has no package with serial Z8Y7X6W5V4: check the label.`,
    ]);
    expect(await refusalOf(resolveLotOfScan({ db, text: `(01)${GTIN}(21)SHARED2345` }))).toEqual([
      "INVALID_INPUT",
      `Serial SHARED2345 of GTIN ${GTIN} is on packages of 2 lots: scan a code that carries the lot number (10) too.`,
    ]);
    expect(await refusalOf(resolveLotOfScan({ db, text: "hello" }))).toEqual([
      "INVALID_INPUT",
      "This scan holds no GS1 data: neither a Digital Link, nor GS1 element strings, nor a GTIN.",
    ]);
  });
});

describe("findLotOfPackage", () => {
  it("finds the lot of a typed serial, narrowed by GTIN when given", async () => {
    expect(await findLotOfPackage({ db, serial: "Z8Y7X6W5V4" })).toEqual({
      lotId: lotIdOf(OTHER_GTIN, "LOT-C"),
      gtin: OTHER_GTIN,
      lotCode: "LOT-C",
      serial: "Z8Y7X6W5V4",
    });
    expect(await refusalOf(findLotOfPackage({ db, serial: "Z8Y7X6W5V4", gtin: GTIN }))).toEqual([
      "NOT_FOUND",
      `LotLedger has no package with serial Z8Y7X6W5V4 of GTIN ${GTIN}: check the label.`,
    ]);
  });
});
