import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { nextBin } from "@/tools/stack/build";
import { type Service, startService } from "@/tools/stack/processes";

/**
 * The resolver as it was before workers/web.ts: a React Server Components page served by `next start`
 * from Next's ISR cache, a proxy.ts that sent visits after a quiet spell to a live twin, and a
 * per-lot cache checked with one version query per request.
 */
export const BASELINE_COMMIT = "330fac37e57e5adacd0c48e23101cca6ed3d2d63";

export type Baseline = { start(env: NodeJS.ProcessEnv, port: number): Service; remove(): void };

/**
 * Checks the baseline commit's app out into a temporary folder (git archive), with this checkout's
 * node_modules (hard links) and generated clients, and builds it; null when git cannot read the commit (a shallow
 * clone, or a source tarball) or it does not build any more.
 */
export async function prepareBaseline(log: (line: string) => void): Promise<Baseline | null> {
  const dir = mkdtempSync(path.join(tmpdir(), "lotledger-baseline-"));
  try {
    const tar = execFileSync("git", ["archive", "--format=tar", BASELINE_COMMIT], {
      maxBuffer: 512 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
    execFileSync("tar", ["-x", "-C", dir], { input: tar });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    log(`baseline: commit ${BASELINE_COMMIT.slice(0, 7)} is not in this checkout; skipped`);
    return null;
  }
  // Hard links: instant, and Turbopack refuses a node_modules symlinked from outside the project.
  execFileSync("cp", ["-al", "node_modules", path.join(dir, "node_modules")]);
  for (const generated of ["lib/db/generated", "lib/chain/generated"]) {
    cpSync(generated, path.join(dir, generated), { recursive: true });
  }
  // The copy's own Next: one from this checkout would load a second React beside the copy's.
  const baselineNext = path.join(dir, path.relative(process.cwd(), nextBin));
  log(`baseline: building commit ${BASELINE_COMMIT.slice(0, 7)} in ${dir}`);
  const code = await new Promise<number | null>((resolve) => {
    const build = spawn(process.execPath, [baselineNext, "build"], {
      cwd: dir,
      stdio: ["ignore", process.stderr, process.stderr],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    build.once("exit", resolve);
  });
  if (code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    log(
      `baseline: the build of ${BASELINE_COMMIT.slice(0, 7)} failed (exit code ${code}); skipped`,
    );
    return null;
  }
  return {
    start(env, port) {
      const args = [baselineNext, "start", dir, "-p", `${port}`];
      return startService("baseline", process.execPath, args, env);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
