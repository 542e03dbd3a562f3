import { createHash } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { createTestDatabase, type TestDatabase } from "@/tools/testing/test-database";
import { createMigration } from "./create-migration";
import { deployMigrations, getMigrationStatus } from "./migrate";

const MIGRATIONS = "prisma/migrations";
const committed = (await readdir(MIGRATIONS, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// Every model of prisma/schema.prisma is a table of the same name.
const MODEL_TABLES = Object.values(Prisma.ModelName);

let database: TestDatabase;
let scratch: string; // a copy of prisma/ each test may change
const databases: TestDatabase[] = [];

beforeEach(async () => {
  database = await createTestDatabase({ migrate: false });
  databases.push(database);
  scratch = await mkdtemp(path.join(os.tmpdir(), "lotledger-migrations-"));
  await cp("prisma", scratch, { recursive: true });
});
afterEach(() => rm(scratch, { recursive: true, force: true }));
afterAll(() => Promise.all(databases.map((d) => d.drop())));

async function query<T extends pg.QueryResultRow>(sql: string, url = database.databaseUrl) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const tables = async () =>
  (
    await query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
  ).map((row) => row.name);

const records = () =>
  query<Record<string, unknown>>("SELECT * FROM _prisma_migrations ORDER BY migration_name");

describe("deployMigrations", () => {
  it("creates every table and records each migration as prisma migrate deploy does", async () => {
    const lines: string[] = [];
    const { applied } = await deployMigrations({
      databaseUrl: database.databaseUrl,
      log: (l) => lines.push(l),
    });

    expect(applied).toEqual(committed);
    expect(lines).toEqual(committed.map((name) => `Applied migration ${name}`));
    expect(await tables()).toEqual([...MODEL_TABLES, "_prisma_migrations"].sort());
    const rows = await records();
    for (const [i, name] of committed.entries()) {
      const file = await readFile(path.join(MIGRATIONS, name, "migration.sql"));
      expect(rows[i]).toMatchObject({
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        checksum: createHash("sha256").update(file).digest("hex"),
        migration_name: name,
        finished_at: expect.any(Date),
        started_at: expect.any(Date),
        applied_steps_count: 1,
        logs: null,
        rolled_back_at: null,
      });
    }
    expect(await deployMigrations({ databaseUrl: database.databaseUrl })).toEqual({ applied: [] });
  });

  it("applies each migration exactly once when two deploys run at the same time", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    await mkdir(path.join(migrationsDir, "20990101000000_slow"));
    await writeFile(
      path.join(migrationsDir, "20990101000000_slow", "migration.sql"),
      "SELECT pg_sleep(0.3);\n",
    );
    const deploy = () => deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir });

    const [first, second] = await Promise.all([deploy(), deploy()]);

    expect([...first.applied, ...second.applied].sort()).toEqual([
      ...committed,
      "20990101000000_slow",
    ]);
    expect((await records()).map((row) => row.migration_name)).toEqual([
      ...committed,
      "20990101000000_slow",
    ]);
  });

  it("applies nothing and records nothing from a failing migration, and names it", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    await mkdir(path.join(migrationsDir, "20990101000000_broken"));
    const script = 'CREATE TABLE "Broken" (id INTEGER);\nSELECT * FROM "Missing";\n';
    await writeFile(path.join(migrationsDir, "20990101000000_broken", "migration.sql"), script);

    await expect(
      deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir }),
    ).rejects.toThrow(
      'Migration 20990101000000_broken failed, so nothing from it was applied or recorded: relation "Missing" does not exist (line 2)',
    );
    expect(await tables()).not.toContain("Broken");
    expect((await records()).map((row) => row.migration_name)).toEqual(committed);
  });

  it("refuses a migration that was changed after it was applied", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    await deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir });
    const name = committed[0] as string;
    const file = path.join(migrationsDir, name, "migration.sql");
    await appendFile(file, "-- an afterthought\n");

    await expect(
      deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir }),
    ).rejects.toThrow(
      `Migration ${name} was changed after it was applied: ${file} no longer matches the checksum recorded in the database. Restore the file and put the change in a new migration.`,
    );
    expect(await getMigrationStatus({ databaseUrl: database.databaseUrl, migrationsDir })).toEqual(
      committed.map((n) => ({ name: n, state: n === name ? "modified" : "applied" })),
    );
  });

  it("refuses to continue after a migration that Prisma recorded as failed", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    await deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir });
    const name = committed[0] as string;
    await query(
      `UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${name}'`,
    );

    await expect(
      deployMigrations({ databaseUrl: database.databaseUrl, migrationsDir }),
    ).rejects.toThrow(
      `Migration ${name} is recorded as started but never finished (a failed \`prisma migrate deploy\`). Repair the database by hand, then mark it with \`prisma migrate resolve\`.`,
    );
  });
});

describe("createMigration", () => {
  it("writes the ALTER TABLE for an added field, then finds nothing to create", async () => {
    const migrationsDir = path.join(scratch, "migrations");
    const schemaPath = path.join(scratch, "schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    await writeFile(
      schemaPath,
      schema.replace("  name         String\n", "  name         String\n  website      String?\n"),
    );
    const lines: string[] = [];
    const create = () =>
      createMigration({
        databaseUrl: database.databaseUrl,
        name: "Add website",
        schemaPath,
        migrationsDir,
        log: (l) => lines.push(l),
      });

    const { created } = await create();

    expect(created).toMatch(/^\d{14}_add_website$/);
    const file = path.join(migrationsDir, created as string, "migration.sql");
    expect(await readFile(file, "utf8")).toBe(
      '-- AlterTable\nALTER TABLE "Organization" ADD COLUMN     "website" TEXT;\n',
    );
    expect(await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8")).toBe(
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
    expect(await create()).toEqual({ created: null });
    expect(lines).toEqual([`Created ${file}`, "No schema changes; nothing to create."]);
    // The shadow databases are gone, and the database itself was never touched.
    expect(
      await query("SELECT datname FROM pg_database WHERE datname LIKE 'lotledger_shadow_%'"),
    ).toEqual([]);
    expect(await tables()).toEqual([]);
  });

  it("finds prisma/schema.prisma and the committed migrations in agreement", async () => {
    const lines: string[] = [];
    await createMigration({
      databaseUrl: database.databaseUrl,
      name: "forgotten",
      schemaPath: path.join(scratch, "schema.prisma"),
      migrationsDir: path.join(scratch, "migrations"),
      log: (l) => lines.push(l),
    });
    // Fails when the schema changed without `npm run migrate -- create <name>`.
    expect(lines).toEqual(["No schema changes; nothing to create."]);
  });
});

describe("the Prisma client on a migrated database", () => {
  it("writes and reads an Organization", async () => {
    const migrated = await createTestDatabase();
    databases.push(migrated);
    const created = await migrated.db.organization.create({
      data: {
        name: "Green Valley Farm",
        kind: "FARM",
        gln: "9506000134352",
        chainAddress: "0x01",
        encryptedKey: "k",
      },
    });
    const found = await migrated.db.organization.findUniqueOrThrow({
      where: { gln: "9506000134352" },
    });
    expect(found).toEqual(created);
    expect(found.updatedAt).toBeInstanceOf(Date);
  });
});
