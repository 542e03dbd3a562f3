import { id, ZeroHash } from "ethers";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { encodeLotCode, lotIdOf } from "@/lib/chain/lot-id";
import { createProvider, receiptOf } from "@/lib/chain/provider";
import type { Db } from "@/lib/db/client";
import { indexNextBatch } from "@/lib/indexer/indexer";
import {
  distancesFrom,
  type LogLineage,
  linksAmong,
  readLineageFromLogs,
} from "@/tools/testing/lineage-from-logs";
import {
  deployLotTrackerFixture,
  type LotTrackerFixture,
} from "@/tools/testing/lot-tracker-fixture";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { recallScopeCsv } from "./exports";
import { findRecalledAncestor, getRecallScope } from "./recall-scope";
import { type Trace, traceBack, traceForward } from "./trace";

const CHAIN_ID = 31337;
const LETTUCE = "09506000134352";
const DRESSING = "09506000134369";
const SALAD = "09506000134376";
const provider = createProvider(inject("rpcUrl"), CHAIN_ID);

// The lots, by lot code, with their GTIN: siblings H1, H2, H3 and the unrelated U share one GTIN.
const GTIN_OF: Record<string, string> = { D: DRESSING, D1: DRESSING, D2: DRESSING };
for (const code of ["T1", "T2", "T3", "R1", "R2", "F", "G"]) GTIN_OF[code] = SALAD;
const lot = (code: string) => lotIdOf(GTIN_OF[code] ?? LETTUCE, code);
const newLot = (code: string) => ({
  gtin: BigInt(GTIN_OF[code] ?? LETTUCE),
  lotCode: encodeLotCode(code),
  serialsRoot: ZeroHash,
});
const RECALLED = ["P1", "D", "T3", "T1"];

let database: TestDatabase;
let db: Db;
let f: LotTrackerFixture;
let chain: LogLineage;
const codeOf = new Map<string, string>();

async function buildLineageOnChain(): Promise<void> {
  const wait = async (tx: Promise<{ hash: string }>) => receiptOf(provider, (await tx).hash);
  const t = f.lotTracker;
  for (const code of ["H1", "H2", "H3", "U", "D"]) {
    await f.createLot(GTIN_OF[code] ?? LETTUCE, code, id(code));
  }
  await wait(t.split(lot("H1"), ["P1", "P2", "P3"].map(newLot), id("pack H1")));
  await wait(t.split(lot("H2"), ["P4", "P5"].map(newLot), id("pack H2")));
  await wait(t.split(lot("H3"), ["S1", "S2", "S3"].map(newLot), id("pack H3")));
  await wait(t.split(lot("D"), ["D1", "D2"].map(newLot), id("portion D")));
  await wait(t.merge([lot("P1"), lot("P4")], newLot("M1"), id("pallet 1")));
  await wait(t.merge([lot("P2"), lot("P5")], newLot("M2"), id("pallet 2")));
  // Two inputs shared by two outputs; then three inputs, one from the sibling batch H3.
  await wait(t.transform([lot("M1"), lot("D1")], ["T1", "T2"].map(newLot), id("salad 1")));
  await wait(t.transform([lot("M2"), lot("D2"), lot("S1")], [newLot("T3")], id("salad 2")));
  // F is reached from H2 by two paths, G from M1 by three; Y from H3 at distances 2 and 3.
  await wait(t.merge([lot("T2"), lot("T3")], newLot("F"), id("mixed pallet")));
  await wait(t.split(lot("T1"), ["R1", "R2"].map(newLot), id("cases")));
  await wait(t.merge([lot("R1"), lot("F")], newLot("G"), id("store pallet")));
  await wait(t.split(lot("S2"), ["S2a", "S2b"].map(newLot), id("repack S2")));
  await wait(t.merge([lot("S3"), lot("S2a")], newLot("Y"), id("pallet Y")));
  // Custody: R2 with the retailer, G on its way to the carrier, U with the carrier.
  await wait(t.handoff(lot("R2"), f.retailer.address, id("ship R2")));
  await wait(t.connect(f.retailer).acceptHandoff(lot("R2"), id("receive R2")));
  await wait(t.handoff(lot("G"), f.carrier.address, id("ship G")));
  await wait(t.handoff(lot("U"), f.carrier.address, id("ship U")));
  await wait(t.connect(f.carrier).acceptHandoff(lot("U"), id("receive U")));
  for (const code of RECALLED) {
    await wait(t.connect(f.retailer).recall(lot(code), id(`recall ${code}`)));
  }
}

async function seedOrganizations(): Promise<void> {
  const parties = [
    { name: "Green Valley Farm", kind: "FARM", address: f.producer.address },
    { name: "ColdRoute Logistics", kind: "CARRIER", address: f.carrier.address },
    { name: "FreshMart", kind: "RETAILER", address: f.retailer.address },
  ] as const;
  for (const [i, party] of parties.entries()) {
    await db.organization.create({
      data: {
        name: party.name,
        kind: party.kind,
        gln: `950600000000${i}`,
        // Lower case: holders are matched without the checksum casing the indexer writes.
        chainAddress: party.address.toLowerCase(),
        encryptedKey: "unused",
        locations: {
          create: { gln: `950600000010${i}`, name: `${party.name} site`, address: `${i} Main St` },
        },
      },
    });
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  f = await deployLotTrackerFixture(provider);
  await buildLineageOnChain();
  const source = {
    db,
    provider,
    chainId: CHAIN_ID,
    contractAddress: f.address,
    startBlock: f.blockNumber,
    confirmations: 0,
    batchSize: 4,
  };
  while ((await indexNextBatch(source)).blocks > 0);
  await seedOrganizations();
  chain = await readLineageFromLogs(provider, f.address, f.blockNumber);
  for (const row of await db.lot.findMany({ select: { id: true, lotCode: true } })) {
    codeOf.set(row.id, row.lotCode);
  }
});

afterAll(async () => {
  await database.drop();
});

/** Lot codes, sorted: what a failing assertion should print. */
const codes = (ids: Iterable<string>) => [...ids].map((i) => codeOf.get(i) ?? i).sort();

function expectTraceMatchesChain(trace: Trace | null, start: string, next: Map<string, string[]>) {
  const distances = distancesFrom(start, next);
  const ids = new Set(distances.keys());
  expect(trace?.lotId).toBe(start);
  expect(codes(trace?.lots.map((l) => l.id) ?? [])).toEqual(codes(ids));
  expect(trace?.lots.map((l) => [codeOf.get(l.id), l.depth])).toEqual(
    trace?.lots.map((l) => [codeOf.get(l.id), distances.get(l.id)]),
  );
  expect(trace?.lots[0]?.id).toBe(start);
  const links = trace?.links.map((l) => `${l.parentId}>${l.childId}`).sort();
  expect(links).toEqual(linksAmong(ids, chain.parents));
}

describe("recall scope and traces against the chain's own logs", () => {
  it("the chain holds the graph the test meant to build", () => {
    expect(chain.lots.size).toBe(27);
    expect(codes(distancesFrom(lot("P1"), chain.children).keys())).toEqual(
      ["F", "G", "M1", "P1", "R1", "R2", "T1", "T2"].sort(),
    );
  });

  it.each(RECALLED)("recalling %s flags exactly it and its descendants", async (code) => {
    const scope = await getRecallScope({ db, lotId: lot(code) });
    expectTraceMatchesChain(scope, lot(code), chain.children);
  });

  it("flags no sibling, ancestor, co-input or unrelated lot when P1 is recalled", async () => {
    const scope = await getRecallScope({ db, lotId: lot("P1") });
    const flagged = new Set(scope?.lots.map((l) => codeOf.get(l.id)));
    for (const code of ["P2", "P3", "H1", "H2", "H3", "P4", "D", "D1", "M2", "T3", "U", "Y"]) {
      expect(flagged.has(code), code).toBe(false);
    }
  });

  it("every lot's forward and back trace equals the breadth-first search of the logs", async () => {
    for (const lotId of chain.lots) {
      expectTraceMatchesChain(await traceForward({ db, lotId }), lotId, chain.children);
      expectTraceMatchesChain(await traceBack({ db, lotId }), lotId, chain.parents);
    }
  });

  it("gives the shortest distance to a lot reached by paths of two lengths", async () => {
    const trace = await traceForward({ db, lotId: lot("H3") });
    expect(trace?.lots.find((l) => l.id === lot("Y"))?.depth).toBe(2);
    const back = await traceBack({ db, lotId: lot("G") });
    expect(codes(back?.lots.filter((l) => l.depth === 5).map((l) => l.id) ?? [])).toEqual([
      "H1",
      "H2",
    ]);
  });

  it("returns null for a lot the read model does not have", async () => {
    const unknown = lotIdOf(LETTUCE, "NOPE");
    expect(await traceBack({ db, lotId: unknown })).toBeNull();
    expect(await traceForward({ db, lotId: unknown })).toBeNull();
    expect(await getRecallScope({ db, lotId: unknown })).toBeNull();
    expect(await findRecalledAncestor({ db, lotId: unknown })).toBeNull();
  });
});

describe("findRecalledAncestor", () => {
  /** The nearest recalled lot on the chain: the recalled ones at the smallest distance up. */
  function nearestOnChain(lotId: string): string[] {
    const up = [...distancesFrom(lotId, chain.parents)].filter(([i]) => chain.recalled.has(i));
    const nearest = Math.min(...up.map(([, distance]) => distance));
    return up.filter(([, distance]) => distance === nearest).map(([i]) => i);
  }

  it("names the lot itself, or the nearest recalled ancestor, as the chain says", async () => {
    for (const lotId of chain.lots) {
      const found = await findRecalledAncestor({ db, lotId });
      const expected = nearestOnChain(lotId);
      if (expected.length === 0) expect(found, codeOf.get(lotId)).toBeNull();
      else expect(expected, codeOf.get(lotId)).toContain(found?.lotId);
    }
  });

  it("flags a descendant, not a sibling or an ancestor, of a recalled lot", async () => {
    expect(await findRecalledAncestor({ db, lotId: lot("R1") })).toEqual({
      lotId: lot("T1"),
      lotCode: "T1",
      gtin: SALAD,
    });
    expect((await findRecalledAncestor({ db, lotId: lot("F") }))?.lotCode).toBe("T3");
    expect((await findRecalledAncestor({ db, lotId: lot("M1") }))?.lotCode).toBe("P1");
    expect((await findRecalledAncestor({ db, lotId: lot("P1") }))?.lotCode).toBe("P1");
    for (const code of ["P2", "P3", "H1", "H3", "U", "Y"]) {
      expect(await findRecalledAncestor({ db, lotId: lot(code) }), code).toBeNull();
    }
  });
});

describe("the stock a recall must find", () => {
  it("counts custodians, recipients in transit, packages and quantities of lots not used up", async () => {
    const packages = [
      ...["A1", "A2", "A3"].map((serial) => ({ lotId: lot("R2"), serial })),
      ...["B1", "B2"].map((serial) => ({ lotId: lot("G"), serial })),
      // Packages of M1, which the transformation used up: no longer on any shelf.
      ...["C1", "C2", "C3", "C4"].map((serial) => ({ lotId: lot("M1"), serial })),
    ];
    await db.package.createMany({
      data: packages.map((p) => ({ ...p, ledgerTransactionId: "unused" })),
    });
    await db.package.update({
      where: { lotId_serial: { lotId: lot("R2"), serial: "A2" } },
      data: { removedAt: new Date() },
    });
    for (const [code, quantity] of [
      ["R2", "12.5"],
      ["G", "3"],
      ["M1", "100"],
    ] as const) {
      await db.lot.update({ where: { id: lot(code) }, data: { quantity, unit: "kg" } });
    }

    const scope = await getRecallScope({ db, lotId: lot("P1") });
    expect(scope?.packages).toEqual({ total: 5, removed: 1 });
    expect(scope?.quantities).toEqual([{ unit: "kg", total: "15.5" }]);
    expect(scope?.organizations.map((o) => [o.name, codes(o.lotIds)])).toEqual([
      ["ColdRoute Logistics", ["G"]],
      ["FreshMart", ["R2"]],
      ["Green Valley Farm", ["G"]],
    ]);
    const r2 = scope?.lots.find((l) => l.id === lot("R2"));
    expect(r2).toMatchObject({
      status: "ACTIVE",
      depth: 3,
      quantity: "12.5",
      unit: "kg",
      recipient: null,
      packages: { total: 3, removed: 1 },
    });
    expect(r2?.custodian).toEqual({
      address: f.retailer.address,
      name: "FreshMart",
      gln: "9506000000002",
      kind: "RETAILER",
      location: { gln: "9506000000102", name: "FreshMart site", address: "2 Main St" },
    });
    const csv = scope ? recallScopeCsv(scope).split("\r\n") : [];
    expect(csv).toHaveLength(10); // header, P1 and its 7 descendants, and the end after the last CRLF
    expect(csv[1]).toMatch(/^P1,\d{14},recalled,0,no: used up in a lot below,/);
    expect(csv.find((line) => line.startsWith("R2,"))).toBe(
      `R2,${SALAD},active,3,yes,12.5,kg,FreshMart,9506000000002,"FreshMart site, 2 Main St",,3,1,${lot("R2")}`,
    );
    const g = scope?.lots.find((l) => l.id === lot("G"));
    expect([g?.status, g?.custodian.name, g?.recipient?.name]).toEqual([
      "IN_TRANSIT",
      "Green Valley Farm",
      "ColdRoute Logistics",
    ]);
  });
});
