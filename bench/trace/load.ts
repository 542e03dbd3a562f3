import type pg from "pg";
import type { EventBatch, Registration } from "./events";
import type { PlannedLot } from "./plan";
import type { Rng, World } from "./world";

// Bulk writes for bench:trace, straight into PostgreSQL: one INSERT ... SELECT FROM unnest(...) per
// batch, as lib/indexer/write-rows.ts does (one array per column, so a statement has a handful of
// parameters for any number of rows). Secondary indexes are dropped during the load and rebuilt
// after it from their own definitions, as a bulk load into a real database would.

const CHAIN_ID = 31337;
const ROWS = 10_000;
const now = `now() AT TIME ZONE 'UTC'`;

/** Runs `load` with the tables' secondary indexes dropped, then rebuilds them exactly. */
export async function withoutSecondaryIndexes(
  client: pg.Client,
  tables: string[],
  load: () => Promise<void>,
): Promise<void> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`,
    [tables],
  );
  for (const index of rows) await client.query(`DROP INDEX "${index.name}"`);
  await load();
  for (const index of rows) await client.query(index.definition);
}

export async function insertEventBatch(client: pg.Client, batch: EventBatch): Promise<void> {
  const e = batch.events;
  await client.query(
    `INSERT INTO "LedgerEvent" ("id", "chainId", "blockNumber", "blockHash", "txHash", "txIndex",
       "logIndex", "name", "lotId", "actor", "payloadHash", "args", "updatedAt")
     SELECT gen_random_uuid()::text, ${CHAIN_ID}, e."blockNumber", e."blockHash", e."txHash", 0,
       e."logIndex", e.name, e."lotId", e.actor, e."payloadHash", e.args, ${now}
     FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
       $8::text[], $9::jsonb[]) AS e("blockNumber", "blockHash", "txHash", "logIndex", name, "lotId",
       actor, "payloadHash", args)`,
    [
      e.blockNumber,
      e.blockHash,
      e.txHash,
      e.logIndex,
      e.name,
      e.lotId,
      e.actor,
      e.payloadHash,
      e.args,
    ],
  );
  await client.query(
    `INSERT INTO "EventPayload" ("hash", "body", "updatedAt")
     SELECT p.hash, p.body, ${now} FROM unnest($1::text[], $2::jsonb[]) AS p(hash, body)`,
    [batch.payloads.hash, batch.payloads.body],
  );
}

export async function insertOrganizations(client: pg.Client, world: World): Promise<void> {
  const all = world.all;
  await client.query(
    `INSERT INTO "Organization" ("id", "name", "kind", "gln", "chainAddress", "encryptedKey", "updatedAt")
     SELECT o.id, o.name, o.kind::"OrganizationKind", o.gln, o.address, 'bench: no key', ${now}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS o(id, name, kind, gln, address)`,
    [
      all.map((o) => o.id),
      all.map((o) => o.name),
      all.map((o) => o.kind),
      all.map((o) => o.gln),
      all.map((o) => o.chainAddress),
    ],
  );
  await client.query(
    `INSERT INTO "Location" ("id", "organizationId", "gln", "name", "address", "latitude", "longitude", "updatedAt")
     SELECT 'loc-' || l.org, l.org, l.gln, l.name, l.address, l.lat, l.lng, ${now}
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])
       AS l(org, gln, name, address, lat, lng)`,
    [
      all.map((o) => o.id),
      all.map((o) => o.site.gln),
      all.map((o) => o.site.name),
      all.map((o) => o.site.address),
      all.map((o) => o.site.latitude),
      all.map((o) => o.site.longitude),
    ],
  );
}

export async function insertLots(
  client: pg.Client,
  lots: readonly PlannedLot[],
  registrations: Map<PlannedLot, Registration>,
): Promise<void> {
  for (let i = 0; i < lots.length; i += ROWS) {
    const rows = lots.slice(i, i + ROWS);
    const reg = (lot: PlannedLot) => registrations.get(lot) as Registration;
    await client.query(
      `INSERT INTO "Lot" ("id", "chainId", "gtin", "lotCode", "quantity", "unit", "status", "custodian",
         "recipient", "producer", "payloadHash", "serialsRoot", "createdTxHash", "createdBlock", "updatedAt")
       SELECT l.id, ${CHAIN_ID}, l.gtin, l.code, l.quantity, l.unit, l.status::"LotStatus", l.custodian,
         l.recipient, l.producer, l.hash, l.root, l.tx, l.block, ${now}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int[])
         AS l(id, gtin, code, quantity, unit, status, custodian, recipient, producer, hash, root, tx, block)`,
      [
        rows.map((l) => l.id),
        rows.map((l) => l.gtin),
        rows.map((l) => l.lotCode),
        rows.map((l) => String(l.quantity)),
        rows.map((l) => l.unit),
        rows.map((l) => l.status),
        rows.map((l) => l.custodian.chainAddress),
        rows.map((l) => l.recipient?.chainAddress ?? null),
        rows.map((l) => l.producer.chainAddress),
        rows.map((l) => reg(l).payloadHash),
        rows.map((l) => reg(l).serialsRoot),
        rows.map((l) => reg(l).txHash),
        rows.map((l) => reg(l).block),
      ],
    );
  }
}

export async function insertLineage(
  client: pg.Client,
  links: { parentId: string; childId: string; kind: string; txHash: string }[],
): Promise<void> {
  for (let i = 0; i < links.length; i += ROWS) {
    const rows = links.slice(i, i + ROWS);
    await client.query(
      `INSERT INTO "LotLineage" ("parentId", "childId", "kind", "txHash", "updatedAt")
       SELECT l.parent, l.child, l.kind, l.tx, ${now}
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS l(parent, child, kind, tx)`,
      [
        rows.map((l) => l.parentId),
        rows.map((l) => l.childId),
        rows.map((l) => l.kind),
        rows.map((l) => l.txHash),
      ],
    );
  }
}

const SERIAL_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Each lot's packages, with random serials; about one in fifty already taken off a shelf. */
export async function insertPackages(
  client: pg.Client,
  lots: readonly PlannedLot[],
  rng: Rng,
): Promise<number> {
  const lotIds: string[] = [];
  const serials: string[] = [];
  const removed: (string | null)[] = [];
  let count = 0;
  const write = async () => {
    await client.query(
      `INSERT INTO "Package" ("id", "lotId", "serial", "ledgerTransactionId", "removedAt", "updatedAt")
       SELECT gen_random_uuid()::text, p.lot, p.serial, 'bench', p.removed::timestamp, ${now}
       FROM unnest($1::text[], $2::text[], $3::text[]) AS p(lot, serial, removed)`,
      [lotIds.splice(0), serials.splice(0), removed.splice(0)],
    );
  };
  for (const lot of lots) {
    for (let i = 0; i < lot.packages; i++) {
      let serial = "";
      for (let j = 0; j < 10; j++)
        serial += SERIAL_ALPHABET[rng.int(0, SERIAL_ALPHABET.length - 1)];
      lotIds.push(lot.id);
      serials.push(serial);
      removed.push(rng.next() < 0.02 ? "2026-07-01T00:00:00" : null);
      count++;
    }
    if (lotIds.length >= ROWS) await write();
  }
  if (lotIds.length > 0) await write();
  return count;
}
