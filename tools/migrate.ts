// `npm run migrate -- deploy | create <name> | status`: Prisma Migrate's folder and table, without
// Prisma's native engine (downloaded at run time). With DATABASE_URL unset it works on the embedded
// PostgreSQL of `npm start` (DATA_DIR/postgres), started for the command and stopped after it.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createMigration } from "@/tools/db/create-migration";
import { startEmbeddedPostgres } from "@/tools/db/embedded-postgres";
import { deployMigrations, getMigrationStatus } from "@/tools/db/migrate";
import { startEnvSchema } from "./stack/start-env";

const USAGE = `Usage: npm run migrate -- deploy | create <name> | status
  deploy         apply the pending migrations in prisma/migrations
  create <name>  write a new migration from the changes in prisma/schema.prisma
  status         list each migration as applied, pending, modified or failed`;

const [command, name] = process.argv.slice(2);

async function run(databaseUrl: string): Promise<number> {
  const log = (line: string) => console.log(line);
  if (command === "create" && name) {
    const { created } = await createMigration({ databaseUrl, name, log });
    if (created) console.log("Review it, then apply it with `npm run migrate -- deploy`.");
    return 0;
  }
  if (command === "status") {
    const migrations = await getMigrationStatus({ databaseUrl });
    if (migrations.length === 0) console.log("No migrations in prisma/migrations.");
    for (const { name, state } of migrations) console.log(`${state.padEnd(8)} ${name}`);
    // Like `prisma migrate status`: anything but "all applied" fails, so CI can check it.
    return migrations.every(({ state }) => state === "applied") ? 0 : 1;
  }
  const { applied } = await deployMigrations({ databaseUrl, log });
  console.log(applied.length ? "The database is up to date." : "No pending migrations.");
  return 0;
}

let exitCode = 1;
try {
  if (!(command === "deploy" || command === "status" || (command === "create" && name))) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = parseEnv(
    startEnvSchema.pick({ DATABASE_URL: true, DATA_DIR: true, EMBEDDED_POSTGRES_PORT: true }),
  );
  if (env.DATABASE_URL) {
    exitCode = await run(env.DATABASE_URL);
  } else {
    const dataDir = path.resolve(env.DATA_DIR, "postgres");
    const postgres = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_POSTGRES_PORT });
    try {
      exitCode = await run(postgres.databaseUrl);
    } finally {
      await postgres.stop();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
}
// Explicit: Prisma's schema engine leaves a 10 s timer behind.
process.exit(exitCode);
