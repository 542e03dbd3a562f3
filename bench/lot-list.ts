// The lots list at 100,000 lots: server time of listLots (lib/lots/list-lots.ts) for each kind of
// request the lots page makes, p50 and p95 of 15 runs, and the plan of the slowest. Runs on
// DATABASE_URL, or on an embedded PostgreSQL in DATA_DIR (a fresh folder), seeded with multi-row
// INSERTs. `node --conditions=react-server --import tsx bench/lot-list.ts [lots]`
import { mkdirSync } from "node:fs";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { listLots } from "@/lib/lots/list-lots";
import { type LotListQuery, lotListQuery } from "@/lib/lots/lot-list-query";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { deployMigrations } from "@/tools/db/migrate";

const LOTS = Number(process.argv[2] ?? 100_000);
const FARM = "0x000000000000000000000000000000000000fa12";
const OTHER = "0x000000000000000000000000000000000000b0b0";
const PLACES = Array.from({ length: 5 }, (_, i) => `061414100${String(i).padStart(4, "0")}`);
const gtinOf = (i: number) => `0061414100${String(i % 50).padStart(4, "0")}`;
const STATUSES = ["ACTIVE", "ACTIVE", "ACTIVE", "IN_TRANSIT", "RECALLED", "CONSUMED", "CONSUMED"];

async function seed(db: Db) {
  await db.$executeRaw`INSERT INTO "Organization" (id, name, kind, gln, "chainAddress", "encryptedKey", "updatedAt")
    VALUES ('bench-farm', 'Bench farm', 'FARM', '0614141000005', ${FARM}, '', now())`;
  for (const [i, gln] of PLACES.entries()) {
    await db.$executeRaw`INSERT INTO "Location" (id, "organizationId", gln, name, address, "updatedAt")
      VALUES (${`place-${i}`}, 'bench-farm', ${gln}, ${`Field ${i}`}, 'Road 1', now())`;
  }
  for (let i = 0; i < 50; i++) {
    await db.$executeRaw`INSERT INTO "Product" (id, "organizationId", gtin, name, "updatedAt")
      VALUES (${`p-${i}`}, 'bench-farm', ${gtinOf(i)}, ${`Romaine ${i} hearts`}, now())`;
  }
  for (let from = 0; from < LOTS; from += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, LOTS - from) }, (_, k) => from + k);
    const lots = rows.map(
      (i) =>
        Prisma.sql`(${`lot-${i}`}, 31337, ${gtinOf(i)}, ${`L${String(i).padStart(6, "0")}`}, 100, 'kg',
        ${STATUSES[i % STATUSES.length]}::"LotStatus", ${i % 5 === 4 ? OTHER : FARM}, ${FARM},
        ${`0x${i.toString(16).padStart(64, "0")}`}, ${i}, now())`,
    );
    await db.$executeRaw`INSERT INTO "Lot" (id, "chainId", gtin, "lotCode", quantity, unit, status,
      custodian, producer, "createdTxHash", "createdBlock", "updatedAt") VALUES ${Prisma.join(lots)}`;
    const payloads = rows.map(
      (i) =>
        Prisma.sql`(${`h-${i}`}, ${JSON.stringify({ bizLocation: { id: `https://id.gs1.org/414/${PLACES[i % 5]}` } })}::jsonb, now())`,
    );
    await db.$executeRaw`INSERT INTO "EventPayload" (hash, body, "updatedAt") VALUES ${Prisma.join(payloads)}`;
    const events = rows.map(
      (i) =>
        Prisma.sql`(${`e-${i}`}, 31337, ${i}, '0x', ${`0x${i.toString(16)}`}, 0, 0, 'LotCreated',
        ${`lot-${i}`}, ${FARM}, ${`h-${i}`}, '{}'::jsonb, now())`,
    );
    await db.$executeRaw`INSERT INTO "LedgerEvent" (id, "chainId", "blockNumber", "blockHash", "txHash",
      "txIndex", "logIndex", name, "lotId", actor, "payloadHash", args, "updatedAt") VALUES ${Prisma.join(events)}`;
  }
  await db.$executeRaw`ANALYZE`;
}

const CASES: Record<string, Partial<LotListQuery>> = {
  "first page, newest": {},
  "first page, oldest": { sort: "oldest" },
  "by lot code": { sort: "lot" },
  "by product": { sort: "product" },
  "search lot code L0999": { q: "L0999" },
  "search GTIN 00614141000048": { q: "00614141000048" },
  "search product 'hearts'": { q: "hearts" },
  "search nothing matches": { q: "ZZZZ" },
  "status recalled": { status: "RECALLED" },
  "product filter": { product: gtinOf(7) },
  "place filter": { place: PLACES[2] },
  "used up shown": { usedUp: "1" },
};

async function measure(db: Db, query: Partial<LotListQuery>) {
  const parsed = lotListQuery.parse(query);
  const first = await listLots({ db, scope: { custodian: FARM }, query: parsed });
  // Page 2 too: a keyset page costs the same wherever it starts.
  const second = { ...parsed, after: first.nextCursor ?? undefined };
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    await listLots({ db, scope: { custodian: FARM }, query: run % 2 ? second : parsed });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[7] as number, p95: times[14] as number, shown: first.lots.length };
}

async function main() {
  let databaseUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!databaseUrl) {
    const dataDir = path.resolve(process.env.DATA_DIR ?? "/tmp/lotledger-bench-lot-list");
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54430);
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port });
    databaseUrl = postgres.databaseUrl;
    stop = () => postgres.stop();
  }
  await deployMigrations({ databaseUrl });
  const db = createPrismaClient(databaseUrl);
  try {
    if ((await db.lot.count()) < LOTS) {
      const start = performance.now();
      await seed(db);
      console.log(`seeded ${LOTS} lots in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
    for (const [name, query] of Object.entries(CASES)) {
      const { p50, p95, shown } = await measure(db, query);
      console.log(
        `${name.padEnd(30)} p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  (${shown} lots)`,
      );
    }
  } finally {
    await db.$disconnect();
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
