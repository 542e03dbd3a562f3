import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { listLots } from "./list-lots";
import { type LotListQuery, lotListQuery } from "./lot-list-query";

// The lots list over a read model written directly (the indexer's rows, no chain): what each search,
// filter and sort finds, and that cursor pages neither repeat nor skip a lot while lots are recorded.

const FARM = "0x00000000000000000000000000000000000FA12a";
const SHOP = "0x0000000000000000000000000000000000005409";
const FIELD = "0614141000012";
const SHED = "0614141000029";
const ROMAINE = "00614141000036";
const KALE = "00614141000043";
const UNNAMED = "00614141000050";

let test: TestDatabase;
let db: Db;
let block = 0;

type Seed = { code: string; gtin?: string; status?: string; custodian?: string; place?: string };

async function record(...lots: Seed[]) {
  for (const lot of lots) {
    block += 1;
    const id = `lot-${lot.code}`;
    const status = Prisma.sql`${lot.status ?? "ACTIVE"}::"LotStatus"`;
    const recipient = lot.status === "IN_TRANSIT" ? SHOP : null;
    await db.$executeRaw`INSERT INTO "Lot" (id, "chainId", gtin, "lotCode", quantity, unit, status,
      custodian, recipient, producer, "createdTxHash", "createdBlock", "updatedAt")
      VALUES (${id}, 31337, ${lot.gtin ?? ROMAINE}, ${lot.code}, 10, 'kg', ${status},
      ${lot.custodian ?? FARM}, ${recipient}, ${FARM}, ${`0x${block}`}, ${block}, now())`;
    const body = { bizLocation: { id: `https://id.gs1.org/414/${lot.place ?? FIELD}` } };
    await db.$executeRaw`INSERT INTO "EventPayload" (hash, body, "updatedAt")
      VALUES (${`h-${lot.code}`}, ${JSON.stringify(body)}::jsonb, now())`;
    await db.$executeRaw`INSERT INTO "LedgerEvent" (id, "chainId", "blockNumber", "blockHash",
      "txHash", "txIndex", "logIndex", name, "lotId", actor, "payloadHash", args, "updatedAt")
      VALUES (${`e-${lot.code}`}, 31337, ${block}, '0x', ${`0x${block}`}, 0, 0, 'LotCreated', ${id},
      ${FARM}, ${`h-${lot.code}`}, '{}'::jsonb, now())`;
  }
}

const held = { custodian: FARM };
async function codes(query: Partial<LotListQuery> = {}, scope: object = held) {
  const page = await listLots({
    db,
    scope: scope as { custodian: string },
    query: lotListQuery.parse(query),
  });
  return page.lots.map((lot) => lot.lotCode);
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = test.db;
  await db.$executeRaw`INSERT INTO "Organization" (id, name, kind, gln, "chainAddress", "encryptedKey", "updatedAt")
    VALUES ('farm', 'Farm', 'FARM', '0614141000005', ${FARM}, '', now())`;
  await db.$executeRaw`INSERT INTO "Location" (id, "organizationId", gln, name, address, "updatedAt")
    VALUES ('field', 'farm', ${FIELD}, 'North field', 'Road 1', now()),
           ('shed', 'farm', ${SHED}, 'Packing shed', 'Road 2', now())`;
  await db.$executeRaw`INSERT INTO "Product" (id, "organizationId", gtin, name, brand, "updatedAt")
    VALUES ('romaine', 'farm', ${ROMAINE}, 'Romaine hearts', 'Green Valley', now()),
           ('kale', 'farm', ${KALE}, 'Curly kale', NULL, now())`;
  await record(
    { code: "A-100" },
    { code: "B-200", gtin: KALE, place: SHED },
    { code: "C-300", status: "CONSUMED" },
    { code: "D-400", status: "RECALLED", gtin: UNNAMED },
    { code: "E-500", status: "IN_TRANSIT", place: SHED },
    { code: "Z-900", custodian: SHOP },
  );
});

afterAll(() => test.drop());

describe("listLots", () => {
  it("lists the holder's lots newest first, used-up lots only when asked", async () => {
    expect(await codes()).toEqual(["E-500", "D-400", "B-200", "A-100"]);
    expect(await codes({ usedUp: "1" })).toEqual(["E-500", "D-400", "C-300", "B-200", "A-100"]);
    expect(await codes({ status: "CONSUMED" })).toEqual(["C-300"]);
  });

  it("gives each lot its product, quantity, place and since when", async () => {
    const { lots } = await listLots({ db, scope: held, query: lotListQuery.parse({ q: "B-200" }) });
    expect(lots).toMatchObject([
      { lotCode: "B-200", product: "Curly kale", quantity: "10", unit: "kg" },
    ]);
    expect(lots[0]?.place).toEqual({ gln: SHED, name: "Packing shed" });
    expect(lots[0]?.since).toBeInstanceOf(Date);
  });

  it("searches any part of a lot code, a GTIN, or a product's name or brand", async () => {
    expect(await codes({ q: "400" })).toEqual(["D-400"]);
    expect(await codes({ q: "a-1" })).toEqual(["A-100"]);
    expect(await codes({ q: "141000043" })).toEqual(["B-200"]);
    expect(await codes({ q: "hearts" })).toEqual(["E-500", "A-100"]);
    expect(await codes({ q: "green valley" })).toEqual(["E-500", "A-100"]);
    expect(await codes({ q: "%" })).toEqual([]);
  });

  it("filters by status, product and place", async () => {
    expect(await codes({ status: "RECALLED" })).toEqual(["D-400"]);
    expect(await codes({ status: "IN_TRANSIT" })).toEqual(["E-500"]);
    expect(await codes({ product: KALE })).toEqual(["B-200"]);
    expect(await codes({ place: SHED })).toEqual(["E-500", "B-200"]);
    expect(await codes({ place: SHED, product: ROMAINE })).toEqual(["E-500"]);
  });

  it("sorts oldest first, by lot code and by product name", async () => {
    expect(await codes({ sort: "oldest" })).toEqual(["A-100", "B-200", "D-400", "E-500"]);
    expect(await codes({ sort: "lot" })).toEqual(["A-100", "B-200", "D-400", "E-500"]);
    // An undescribed GTIN has no name and comes first; equal names keep the id order.
    expect(await codes({ sort: "product" })).toEqual(["D-400", "B-200", "A-100", "E-500"]);
  });

  it("lists what is on its way to an organisation for the recipient", async () => {
    expect(await codes({}, { recipient: SHOP })).toEqual(["E-500"]);
    expect(await codes({}, { custodian: SHOP })).toEqual(["Z-900"]);
  });

  it.each(["newest", "oldest", "lot", "product"] as const)(
    "pages by cursor (%s) without a repeat or a gap while lots are recorded",
    async (sort) => {
      const before = await codes({ sort, usedUp: "1" });
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 50; page++) {
        const query = lotListQuery.parse({ sort, usedUp: "1", after });
        const result = await listLots({ db, scope: held, query, pageSize: 2 });
        seen.push(...result.lots.map((lot) => lot.lotCode));
        // Between the first pages: a newer lot, and one whose code and product sort in the middle.
        if (page < 3) {
          await record({ code: `${sort}-N${page}` }, { code: `C-${sort}-${page}`, gtin: KALE });
        }
        if (!result.nextCursor) break;
        after = result.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((code) => before.includes(code))).toEqual(before);
    },
  );

  it("starts again from the first page on a cursor it cannot read", async () => {
    expect(await codes({ after: "not-a-cursor", q: "A-100" })).toEqual(["A-100"]);
  });
});
