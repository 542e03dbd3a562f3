import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { addTestMember, createTestOrganization } from "@/tools/testing/organizations";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { listRecalls } from "./list-recalls";
import { recallListQuery } from "./recall-list-query";

// Issue 15: the recalls list is filtered by state, class and the days a recall started on (on the
// reader's clock), searched by lot code or reason, newest first, in keyset pages of 20 that neither
// repeat nor skip a recall.

let database: TestDatabase;
let db: Db;
let store: Member;
let regulator: Member;
/** The recalls the store follows, newest first, with what each was made as. */
const ours: { id: string; i: number }[] = [];
let othersId = "";

const HOUR = 3_600_000;
/** Recall i started i hours after 1 Nov 2026 00:00 UTC, two of them in the same millisecond. */
const startOf = (i: number) => new Date(Date.UTC(2026, 10, 1) + Math.min(i, 40) * HOUR);

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  const [mine, other, authority] = await Promise.all([
    createTestOrganization({ db, kind: "RETAILER" }),
    createTestOrganization({ db, kind: "RETAILER" }),
    createTestOrganization({ db, kind: "REGULATOR" }),
  ]);
  store = await addTestMember({ db, organizationId: mine.id, role: "ADMIN" });
  regulator = await addTestMember({ db, organizationId: authority.id, role: "READ_ONLY" });
  const write = (status: "CONFIRMED" | "FAILED") =>
    db.ledgerTransaction.create({
      data: { organizationId: mine.id, method: "recall", args: [], status, signerAddress: "0x0" },
    });
  // 42 recalls: 0–39 the store started, 40–41 another store started and asked it to acknowledge.
  for (let i = 0; i < 42; i++) {
    const lifted = i % 7 === 3 ? await write("CONFIRMED") : null;
    const recall = await db.recall.create({
      data: {
        lotId: `0x${i}`,
        gtin: "09506000134352",
        lotCode: `LOT-${String(i).padStart(2, "0")}`,
        reason: i % 4 === 0 ? "Listeria in a retained sample" : "Undeclared 50% almonds",
        severity: i % 3 === 0 ? "CLASS_I" : "CLASS_II",
        initiatedById: store.userId,
        initiatedByOrganizationId: i < 40 ? mine.id : other.id,
        ledgerTransactionId: (await write(i === 5 ? "FAILED" : "CONFIRMED")).id,
        payloadHash: "0x0",
        closedAt: i % 5 === 1 ? startOf(i + 1) : null,
        liftLedgerTransactionId: lifted?.id ?? null,
        createdAt: startOf(i),
        acknowledgements:
          i < 40 ? undefined : { create: { organizationId: mine.id, concern: "HOLDS_STOCK" } },
      },
    });
    ours.unshift({ id: recall.id, i });
  }
  // Ties at 40 hours broken by id, descending, as the list reads them.
  ours.sort((a, b) => startOf(b.i).getTime() - startOf(a.i).getTime() || (a.id < b.id ? 1 : -1));
  const others = await db.recall.create({
    data: {
      lotId: "0xother",
      gtin: "09506000134352",
      lotCode: "LOT-OTHER",
      reason: "Listeria",
      severity: "CLASS_I",
      initiatedById: store.userId,
      initiatedByOrganizationId: other.id,
      ledgerTransactionId: (await write("CONFIRMED")).id,
      payloadHash: "0x0",
      createdAt: startOf(50),
    },
  });
  othersId = others.id;
});

afterAll(async () => {
  await database.drop();
});

/** Every page under `params`, followed by its cursors, as the recalls' numbers i. */
async function allPages(params: Record<string, string>, member = store) {
  const pages: number[][] = [];
  let after: string | undefined;
  do {
    const query = recallListQuery.parse({ ...params, after });
    const page = await listRecalls({ db, member, query });
    pages.push(page.recalls.map((r) => ours.find((o) => o.id === r.id)?.i ?? -1));
    after = page.nextCursor ?? undefined;
  } while (after && pages.length < 10);
  return pages;
}

const numbers = (keep: (i: number) => boolean) => ours.filter((o) => keep(o.i)).map((o) => o.i);

describe("listRecalls", () => {
  it("pages the recalls a store follows by 20, newest first, without a gap or a repeat", async () => {
    const pages = await allPages({});
    expect(pages.map((page) => page.length)).toEqual([20, 20, 2]);
    expect(pages.flat()).toEqual(ours.map((o) => o.i));
    // A regulator reads every recall, the other store's own too.
    const everyone = await allPages({}, regulator);
    expect(everyone.flat()).toEqual([-1, ...ours.map((o) => o.i)]);
    const first = await listRecalls({ db, member: regulator, query: recallListQuery.parse({}) });
    expect(first.recalls[0]?.id).toBe(othersId);
  });

  it("filters by state: open, closed, lifted", async () => {
    const isLifted = (i: number) => i % 7 === 3;
    const isClosed = (i: number) => i % 5 === 1;
    expect((await allPages({ state: "lifted" })).flat()).toEqual(numbers(isLifted));
    expect((await allPages({ state: "closed" })).flat()).toEqual(
      numbers((i) => isClosed(i) && !isLifted(i)),
    );
    expect((await allPages({ state: "open" })).flat()).toEqual(
      numbers((i) => !isClosed(i) && !isLifted(i) && i !== 5),
    );
  });

  it("filters by class, and searches lot codes and reasons as typed", async () => {
    expect((await allPages({ severity: "CLASS_I" })).flat()).toEqual(numbers((i) => i % 3 === 0));
    expect((await allPages({ search: "lot-1" })).flat()).toEqual(numbers((i) => i >= 10 && i < 20));
    expect((await allPages({ search: "LISTERIA" })).flat()).toEqual(numbers((i) => i % 4 === 0));
    expect((await allPages({ search: "50%" })).flat()).toEqual(numbers((i) => i % 4 !== 0));
    expect((await allPages({ search: "5_%" })).flat()).toEqual([]);
  });

  it("keeps the days a recall started on, on the reader's clock, both days included", async () => {
    // 1 Nov 00:00 UTC + i hours: 2 Nov holds i = 24..40 in UTC, i = 32..40 on Los Angeles' clock
    // (the clocks went back on 1 Nov: the day begins at 08:00 UTC there).
    expect((await allPages({ from: "2026-11-02", to: "2026-11-02" })).flat()).toEqual(
      numbers((i) => i >= 24),
    );
    const westCoast = {
      ...store,
      organization: { ...store.organization, timeZone: "America/Los_Angeles" },
    };
    expect((await allPages({ from: "2026-11-02", to: "2026-11-02" }, westCoast)).flat()).toEqual(
      numbers((i) => i >= 32),
    );
    expect((await allPages({ to: "2026-11-01" })).flat()).toEqual(numbers((i) => i < 24));
    // A day that does not exist is no filter.
    expect((await allPages({ from: "2026-02-31" })).flat()).toHaveLength(42);
  });
});
