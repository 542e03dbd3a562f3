import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { listProducts, productListQuery } from ".";

// Issue 15: the products list is searched (name, brand, GTIN, commodity), sorted (name, GTIN,
// newest) and read in keyset pages of 20 that neither repeat nor skip a product.

let database: TestDatabase;
let db: Db;
let organizationId: string;

/** 45 products: names that tie in pairs, brands and commodities that split them, one per second. */
const PRODUCTS = Array.from({ length: 45 }, (_, i) => ({
  gtin: `0950600${String(i).padStart(7, "0")}`,
  name: `Lettuce ${String(Math.floor(i / 2)).padStart(2, "0")}`,
  brand: i % 3 === 0 ? "Green Valley" : "Coastal",
  commodity: i % 5 === 0 ? "Spinach" : "Lettuce",
  createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i % 40)),
}));

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  organizationId = (await createTestOrganization({ db, kind: "FARM" })).id;
  const other = await createTestOrganization({ db, kind: "FARM" });
  await db.product.createMany({ data: PRODUCTS.map((p) => ({ ...p, organizationId })) });
  // Another organisation's product matches every search but is never listed.
  await db.product.create({
    data: { gtin: "09506009999999", name: "Lettuce 00", organizationId: other.id },
  });
});

afterAll(async () => {
  await database.drop();
});

/** Every page of the list under `params`, followed by its cursors. */
async function allPages(params: Record<string, string>) {
  const pages: string[][] = [];
  let after: string | undefined;
  do {
    const query = productListQuery.parse({ ...params, after });
    const page = await listProducts({ db, organizationId, query });
    pages.push(page.products.map((p) => p.gtin));
    after = page.nextCursor ?? undefined;
  } while (after && pages.length < 10);
  return pages;
}

describe("listProducts", () => {
  it("pages each sort by 20 without a gap or a repeat, ties broken by GTIN", async () => {
    const byName = [...PRODUCTS].sort(
      (a, b) => a.name.localeCompare(b.name) || a.gtin.localeCompare(b.gtin),
    );
    const newest = [...PRODUCTS].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.gtin.localeCompare(a.gtin),
    );
    const expected = {
      name: byName.map((p) => p.gtin),
      gtin: PRODUCTS.map((p) => p.gtin),
      newest: newest.map((p) => p.gtin),
    };
    for (const [sort, order] of Object.entries(expected)) {
      const pages = await allPages({ sort });
      expect(pages.map((page) => page.length)).toEqual([20, 20, 5]);
      expect(pages.flat()).toEqual(order);
    }
  });

  it("finds any part of a name, brand, GTIN or commodity, whatever the case", async () => {
    const search = async (q: string) => (await allPages({ q })).flat().sort();
    expect(await search("lettuce 07")).toEqual([PRODUCTS[14]?.gtin, PRODUCTS[15]?.gtin]);
    expect(await search("GREEN valley")).toEqual(
      PRODUCTS.filter((_, i) => i % 3 === 0).map((p) => p.gtin),
    );
    expect(await search("0000044")).toEqual([PRODUCTS[44]?.gtin]);
    expect(await search("spinach")).toEqual(
      PRODUCTS.filter((_, i) => i % 5 === 0).map((p) => p.gtin),
    );
    expect(await search("50%")).toEqual([]);
  });

  it("reads a searched list in pages too, and a cursor of another sort as the first page", async () => {
    const coastal = await allPages({ q: "coastal" });
    expect(coastal.map((page) => page.length)).toEqual([20, 10]);
    const first = await listProducts({
      db,
      organizationId,
      query: productListQuery.parse({ sort: "newest" }),
    });
    const misread = await listProducts({
      db,
      organizationId,
      query: productListQuery.parse({ sort: "gtin", after: "not-a-cursor" }),
    });
    expect(misread.products[0]?.gtin).toBe(PRODUCTS[0]?.gtin);
    expect(first.nextCursor).not.toBeNull();
  });
});
