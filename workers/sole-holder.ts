import pg from "pg";

// One sender and one indexer per database, however many app instances run: each takes a PostgreSQL
// advisory lock on a connection of its own and works only while it holds it; the others stand by and
// try again every half second. The lock belongs to that connection's session, so a holder that dies
// (SIGKILL, a crashed container) releases it the moment PostgreSQL sees the connection close — a
// standby takes over within a second. For a machine that vanishes without closing its connections,
// TCP keepalives on the session bound the wait to about 11 s.

/** The advisory locks of LotLedger's sole workers: (LOCK_CLASS, id) in pg_locks' classid and objid. */
export const LOCK_CLASS = 0x4c6f744c; // "LotL"
export const SOLE_WORKER_LOCKS = { sender: 1, indexer: 2, capture: 3, devices: 4 } as const;

const RETRY_MS = 500;
/** A holder checks its lock connection this often; a broken one stops the work at once. */
const HEARTBEAT_MS = 1_000;

type Options = {
  name: keyof typeof SOLE_WORKER_LOCKS;
  databaseUrl: string;
  signal: AbortSignal;
  log?: (line: string) => void;
};

/**
 * Runs `work` while this process holds the lock of `name`, with a signal that aborts when the lock
 * is lost or `signal` aborts; stands by (and takes over) until `signal` aborts.
 */
export async function runAsSoleHolder(
  { name, databaseUrl, signal, log = console.log }: Options,
  work: (held: AbortSignal) => Promise<void>,
): Promise<void> {
  let lastWait = "";
  while (!signal.aborted) {
    const lock = await connect(databaseUrl, name).catch((error: Error) => error);
    if (lock instanceof Error) {
      const line = `${name}: cannot reach the database for its lock (${lock.message}); retrying`;
      if (line !== lastWait) log(line);
      lastWait = line;
      await sleep(2_000, signal);
      continue;
    }
    const held = new AbortController();
    const stop = () => held.abort();
    signal.addEventListener("abort", stop, { once: true });
    lock.on("error", stop);
    lock.on("end", stop);
    try {
      while (!held.signal.aborted && !(await tryLock(lock, name))) {
        const line = `${name}: ${await holderOf(lock, name)} holds the ${name} lock; standing by`;
        if (line !== lastWait) log(line);
        lastWait = line;
        await sleep(RETRY_MS, held.signal);
      }
      if (held.signal.aborted) continue;
      lastWait = "";
      log(`${name}: holds the ${name} lock: the one ${name} of this database`);
      const heartbeat = setInterval(() => void lock.query("SELECT 1").catch(stop), HEARTBEAT_MS);
      await work(held.signal).finally(() => clearInterval(heartbeat));
      if (!signal.aborted)
        log(`${name}: lost the ${name} lock (its database connection ended); standing by`);
    } catch (error) {
      log(`${name}: the lock connection failed (${(error as Error).message}); retrying`);
    } finally {
      signal.removeEventListener("abort", stop);
      // Ending the session releases the lock, if it is still held.
      await lock.end().catch(() => undefined);
    }
  }
}

async function connect(databaseUrl: string, name: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    // PGAPPNAME, when set, names the instance (the chaos test tells its two instances apart by it).
    application_name: process.env.PGAPPNAME ?? `lotledger ${name}`,
    keepAlive: true,
  });
  client.on("error", () => undefined); // reported through the "end" of the session
  await client.connect();
  // The server's side of the keepalive: a holder whose machine vanished is dropped after ~11 s.
  await client.query(
    "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3",
  );
  return client;
}

async function tryLock(client: pg.Client, name: Options["name"]): Promise<boolean> {
  const { rows } = await client.query<{ held: boolean }>(
    "SELECT pg_try_advisory_lock($1, $2) AS held",
    [LOCK_CLASS, SOLE_WORKER_LOCKS[name]],
  );
  return rows[0]?.held === true;
}

/** Who holds the lock, as PostgreSQL knows the connection: for the standing-by line. */
async function holderOf(client: pg.Client, name: Options["name"]): Promise<string> {
  const { rows } = await client.query<{ application_name: string; pid: number }>(
    `SELECT a.application_name, a.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = $1 AND l.objid = $2 AND l.granted`,
    [LOCK_CLASS, SOLE_WORKER_LOCKS[name]],
  );
  const holder = rows[0];
  return holder ? `"${holder.application_name}" (backend ${holder.pid})` : "another process";
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
