import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { withoutSecrets } from "@/tools/stack/part-env";

// The baseline of the writes bench: LotLedger as it was at a git ref, checked out beside this one,
// with this checkout's node_modules hard-linked in when the lockfiles match (else its own `npm ci`),
// its generated code made and its web app built. Kept in the temporary
// folder by commit, so the next run against the same ref starts at once.

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...withoutSecrets(process.env), NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}`)),
    );
  });
}

/** The folder of a built checkout of `ref`, made (or reused) under the system's temporary folder. */
export async function prepareBaseline(ref: string, log: (line: string) => void): Promise<string> {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], {
    encoding: "utf8",
  }).trim();
  const dir = path.join(tmpdir(), `lotledger-bench-baseline-${commit.slice(0, 12)}`);
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return dir;
  const lockDiffers = execFileSync(
    "git",
    ["diff", "--name-only", commit, "--", "package-lock.json"],
    {
      encoding: "utf8",
    },
  ).trim();
  log(`bench:writes: building the baseline ${ref} (${commit.slice(0, 7)}) in ${dir}…`);
  if (!existsSync(dir)) {
    execFileSync("git", ["worktree", "add", "--detach", dir, commit], { stdio: "ignore" });
    // Hard links: seconds, no disk; the build writes its own files beside them.
    if (!lockDiffers)
      execFileSync("cp", ["-al", path.resolve("node_modules"), path.join(dir, "node_modules")]);
  }
  if (lockDiffers) await run("npm", ["ci", "--no-audit", "--no-fund"], dir);
  else await run("npm", ["run", "--silent", "generate"], dir);
  await run(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], dir);
  return dir;
}
