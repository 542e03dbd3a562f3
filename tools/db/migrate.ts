import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** A committed `prisma/migrations/<timestamp>_<name>/migration.sql`. */
type MigrationFile = { name: string; script: string; checksum: string };

// The key `prisma migrate deploy` locks, so this tool and Prisma's own CLI never run at once.
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's own DDL (schema-engine, postgres flavour), so `prisma migrate` accepts the table as its own.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

type MigrationRecord = { migration_name: string; checksum: string; finished_at: Date | null };

/** The migrations in `migrationsDir`, oldest first (folder names start with a timestamp). */
async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  // No folder yet is no migrations yet: the first `create` makes it.
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Promise.all(
    names.sort().map(async (name) => {
      const bytes = await readFile(path.join(migrationsDir, name, "migration.sql"));
      const checksum = createHash("sha256").update(bytes).digest("hex");
      return { name, script: bytes.toString("utf8"), checksum };
    }),
  );
}

/**
 * Applies every pending migration, each in one transaction together with its `_prisma_migrations`
 * row, exactly as `prisma migrate deploy` records it. Concurrent deploys wait on an advisory lock.
 */
export async function deployMigrations({
  databaseUrl,
  migrationsDir = "prisma/migrations",
  log = () => {},
}: {
  databaseUrl: string;
  migrationsDir?: string;
  log?: (line: string) => void;
}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const records = await readRecords(client);
    const pending = migrations.filter((migration) => {
      const record = records.get(migration.name);
      if (record) checkRecord(record, migration, migrationsDir);
      return !record;
    });
    for (const migration of pending) {
      await applyMigration(client, migration);
      log(`Applied migration ${migration.name}`);
    }
    return { applied: pending.map((migration) => migration.name) };
  } finally {
    await client.end();
  }
}

export type MigrationState = "applied" | "pending" | "modified" | "failed";

/** Each committed migration and where the database stands with it, without changing anything. */
export async function getMigrationStatus({
  databaseUrl,
  migrationsDir = "prisma/migrations",
}: {
  databaseUrl: string;
  migrationsDir?: string;
}): Promise<{ name: string; state: MigrationState }[]> {
  const migrations = await readMigrations(migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
    const records = rows[0]?.name ? await readRecords(client) : new Map<string, MigrationRecord>();
    return migrations.map((migration) => {
      const record = records.get(migration.name);
      const state: MigrationState = !record
        ? "pending"
        : !record.finished_at
          ? "failed"
          : record.checksum !== migration.checksum
            ? "modified"
            : "applied";
      return { name: migration.name, state };
    });
  } finally {
    await client.end();
  }
}

/** The live (not rolled back) record of each migration, by name. */
async function readRecords(client: pg.Client): Promise<Map<string, MigrationRecord>> {
  const { rows } = await client.query<MigrationRecord>(
    "SELECT migration_name, checksum, finished_at FROM _prisma_migrations WHERE rolled_back_at IS NULL",
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function checkRecord(record: MigrationRecord, migration: MigrationFile, migrationsDir: string) {
  const file = path.join(migrationsDir, migration.name, "migration.sql");
  if (!record.finished_at) {
    throw new Error(
      `Migration ${migration.name} is recorded as started but never finished (a failed \`prisma migrate deploy\`). Repair the database by hand, then mark it with \`prisma migrate resolve\`.`,
    );
  }
  if (record.checksum !== migration.checksum) {
    throw new Error(
      `Migration ${migration.name} was changed after it was applied: ${file} no longer matches the checksum recorded in the database. Restore the file and put the change in a new migration.`,
    );
  }
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const startedAt = new Date();
  await client.query("BEGIN");
  try {
    // One query for the whole file: Postgres runs it inside this transaction, all or nothing.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations
         (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, NULL, NULL, $5, 1)`,
      [randomUUID(), migration.checksum, new Date(), migration.name, startedAt],
    );
    await client.query("COMMIT");
  } catch (error) {
    // A broken connection has already ended the transaction; the migration's error is what matters.
    await client.query("ROLLBACK").catch(() => undefined);
    throw new Error(
      `Migration ${migration.name} failed, so nothing from it was applied or recorded: ${explainFailure(error, migration.script)}`,
      { cause: error },
    );
  }
}

/** Postgres' message, and the line of migration.sql it points at when it points at one. */
function explainFailure(error: unknown, script: string): string {
  if (!(error instanceof Error)) return String(error);
  const position = error instanceof pg.DatabaseError ? Number(error.position) : 0;
  if (!position) return error.message;
  return `${error.message} (line ${script.slice(0, position - 1).split("\n").length})`;
}
