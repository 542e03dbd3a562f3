import type { Db } from "@/lib/db/client";
import { LOCK_CLASS, SOLE_WORKER_LOCKS } from "@/workers/sole-holder";

// Watches who holds the sender and indexer locks while the chaos test runs, ten times a second, from
// PostgreSQL's own view (pg_locks): the test checks that never more than one process held a lock, and
// measures each hand-over from the moment the holder was killed to the moment another took the lock.

type LockName = keyof typeof SOLE_WORKER_LOCKS;
type Sample = {
  at: number;
  holders: Record<LockName, string[]>;
  /** Processes whose lock connection is asking for the lock: ready to take over. */
  standing: Record<LockName, string[]>;
};

export type LockWatch = {
  /** The application name holding `lock` now, per the last sample. */
  holderOf(lock: LockName): string | null;
  /** Waits for a sample taken after `since` in which some holder other than `not` holds `lock`. */
  nextHolder(
    lock: LockName,
    since: number,
    not: string,
    timeoutMs: number,
  ): Promise<{ holder: string; at: number }>;
  /** The processes standing by for `lock`, per the last sample. */
  standbysOf(lock: LockName): string[];
  /** The most processes seen holding each lock at once. */
  mostHolders(): Record<LockName, number>;
  stop(): Promise<void>;
};

export function watchLocks(db: Db, everyMs = 100): LockWatch {
  const samples: Sample[] = [];
  let running = true;
  const names = Object.keys(SOLE_WORKER_LOCKS) as LockName[];
  const done = (async () => {
    while (running) {
      try {
        const rows = await db.$queryRaw<{ objid: number; holder: string }[]>`
          SELECT l.objid::int AS objid, a.application_name AS holder
          FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND l.classid = ${LOCK_CLASS}::oid AND l.granted`;
        // A standby's lock connection last asked for the lock (or who holds it): its query says so.
        const asking = await db.$queryRaw<{ name: string }[]>`
          SELECT application_name AS name FROM pg_stat_activity
          WHERE query LIKE '%pg_try_advisory_lock%' OR query LIKE '%FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid%WHERE l.locktype%granted%'`;
        const byLock = (names: string[], lock: LockName) =>
          names.filter((n) => n.includes(` ${lock}-`));
        const holders = Object.fromEntries(
          names.map((name) => [
            name,
            rows.filter((row) => row.objid === SOLE_WORKER_LOCKS[name]).map((row) => row.holder),
          ]),
        ) as Record<LockName, string[]>;
        const standing = Object.fromEntries(
          names.map((name) => [
            name,
            byLock(
              asking.map((row) => row.name),
              name,
            ).filter((n) => !holders[name].includes(n)),
          ]),
        ) as Record<LockName, string[]>;
        samples.push({ at: Date.now(), holders, standing });
      } catch {
        // the database is busy: the next sample
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    holderOf(lock) {
      return samples.at(-1)?.holders[lock][0] ?? null;
    },
    standbysOf(lock) {
      return samples.at(-1)?.standing[lock] ?? [];
    },
    async nextHolder(lock, since, not, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = samples.find((s) => s.at > since && s.holders[lock].some((h) => h !== not));
        if (found) return { holder: found.holders[lock][0] as string, at: found.at };
        if (Date.now() > deadline)
          throw new Error(`No process took the ${lock} lock within ${timeoutMs / 1000} s.`);
        await new Promise((resolve) => setTimeout(resolve, everyMs));
      }
    },
    mostHolders() {
      const most = { sender: 0, indexer: 0, capture: 0, devices: 0 };
      for (const sample of samples) {
        for (const name of names) most[name] = Math.max(most[name], sample.holders[name].length);
      }
      return most;
    },
    async stop() {
      running = false;
      await done;
    },
  };
}
