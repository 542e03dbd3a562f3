import pg from "pg";

// A repository of `events` EPCIS events over `lots` lots of `organizations` organisations, written
// in SQL (generate_series), spread as a year of a supply network records them: each lot has a
// producer, a current custodian it was handed off to, a tenth of lots were made from another, and
// some twenty events (commissioning, shipping, receiving, storing, …) over its packages' EPCs,
// recorded by its producer or its custodian, interleaved in time with every other lot's.

export const BENCH_GTIN = "09520123456788";
export const YEAR_START = Date.parse("2026-01-01T00:00:00Z");
export const YEAR_MS = 365 * 24 * 3600 * 1000;
export const PACKAGES_PER_LOT = 10;

const address = (org: string) => `'0x' || lpad(to_hex(${org} + 4096), 40, '0')`;
export const addressOf = (org: number) => `0x${(org + 4096).toString(16).padStart(40, "0")}`;
export const epcOf = (lot: number, serial: number) =>
  `https://id.gs1.org/01/${BENCH_GTIN}/21/L${lot}-${serial}`;

export async function seedEpcisRepository({
  databaseUrl,
  events,
  lots,
  organizations,
  say,
}: {
  databaseUrl: string;
  events: number;
  lots: number;
  organizations: number;
  say: (line: string) => void;
}): Promise<{ seconds: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "Organization" (id, name, kind, gln, "chainAddress", "encryptedKey", "updatedAt")
      SELECT 'org-' || o, 'Org ' || o, (CASE WHEN o % 4 = 0 THEN 'FARM' WHEN o % 4 = 1 THEN 'PACKER'
          WHEN o % 4 = 2 THEN 'CARRIER' ELSE 'RETAILER' END)::"OrganizationKind",
        lpad(o::text, 13, '0'), ${address("o")}, 'x', now()
      FROM generate_series(0, ${organizations - 1}) o`);
    // Lot i: produced by org i % n, now held by the next organisation, which the producer handed it to.
    await client.query(`
      INSERT INTO "Lot" (id, "chainId", gtin, "lotCode", custodian, producer, "createdTxHash",
        "createdBlock", "updatedAt")
      SELECT 'lot-' || i, 31337, '${BENCH_GTIN}', 'L' || i, ${address(`((i + 1) % ${organizations})`)},
        ${address(`(i % ${organizations})`)}, '0x' || md5(i::text), i, now()
      FROM generate_series(0, ${lots - 1}) i`);
    await client.query(`
      INSERT INTO "LedgerEvent" (id, "chainId", "blockNumber", "blockHash", "txHash", "txIndex",
        "logIndex", name, "lotId", actor, args, "updatedAt")
      SELECT 'le-' || i, 31337, i, '0x' || md5('b' || i), '0x' || md5('h' || i), 0, 0, 'LotHandedOff',
        'lot-' || i, ${address(`(i % ${organizations})`)},
        jsonb_build_object('recipient', ${address(`((i + 1) % ${organizations})`)}), now()
      FROM generate_series(0, ${lots - 1}) i`);
    await client.query(`
      INSERT INTO "LotLineage" ("parentId", "childId", kind, "txHash", "updatedAt")
      SELECT 'lot-' || i, 'lot-' || (i + 7), 'transform', '0x' || md5('t' || i), now()
      FROM generate_series(0, ${lots - 8}, 10) i`);
    say(`seeded ${organizations} organisations and ${lots} lots; writing ${events} events…`);
    // A bulk load is faster with the indexes built once at the end, as the migrations define them.
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes
       WHERE tablename = 'EpcisEvent' AND indexname <> 'EpcisEvent_pkey'`,
    );
    for (const { indexname } of indexes) await client.query(`DROP INDEX "${indexname}"`);
    const batch = 100_000;
    for (let from = 0; from < events; from += batch) {
      const to = Math.min(from + batch, events) - 1;
      await client.query(`
        INSERT INTO "EpcisEvent" (id, "eventId", "organizationId", type, action, "eventTime",
          "recordTime", "bizStep", disposition, "readPoint", "bizLocation", epcs, "epcClasses",
          "lotIds", document, "updatedAt")
        SELECT id, 'ni:///sha-256;' || md5(id) || md5('x' || id) || '?ver=CBV2.0',
          'org-' || ((lot + (e % 2)) % ${organizations}), 'ObjectEvent', 'OBSERVE', t, t,
          step, 'in_progress', 'urn:epc:id:sgln:952012.' || (lot % 500) || '.0', NULL,
          ARRAY[epc], ARRAY['https://id.gs1.org/01/${BENCH_GTIN}/10/L' || lot], ARRAY['lot-' || lot],
          jsonb_build_object('type', 'ObjectEvent', 'eventID', 'ni:///sha-256;' || md5(id) ||
            md5('x' || id) || '?ver=CBV2.0', 'action', 'OBSERVE', 'eventTime', t,
            'eventTimeZoneOffset', '+00:00', 'bizStep', step, 'disposition', 'in_progress',
            'epcList', jsonb_build_array(epc),
            'readPoint', jsonb_build_object('id', 'urn:epc:id:sgln:952012.' || (lot % 500) || '.0')),
          now()
        FROM (
          SELECT 'ev-' || e AS id, e, e % ${lots} AS lot,
            to_timestamp((${YEAR_START} + (e::float8 / ${events}) * ${YEAR_MS}) / 1000) AS t,
            (ARRAY['commissioning','shipping','receiving','storing','inspecting'])[1 + e % 5] AS step,
            'https://id.gs1.org/01/${BENCH_GTIN}/21/L' || (e % ${lots}) || '-' ||
              ((e / ${lots}) % ${PACKAGES_PER_LOT}) AS epc
          FROM generate_series(${from}, ${to}) e
        ) s`);
      say(`  ${to + 1} events`);
    }
    say("building the EpcisEvent indexes…");
    for (const { indexdef } of indexes) await client.query(indexdef);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000 };
}
