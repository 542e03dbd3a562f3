import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { withoutSecrets } from "./part-env";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const STAMP = ".next/lotledger-source-hash";

export const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");

/** Runs `next build` when the sources differ from the last build's (content hash, not timestamps). */
export async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  const hash = sourceHash();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash)
    return;
  log("building the web app (next build), once per change of the sources…");
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      // The build runs the app's modules: none of the operator's keys is its business.
      env: { ...withoutSecrets(process.env), NEXT_TELEMETRY_DISABLED: "1" },
    });
    build.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`next build failed (exit code ${code}); see the output above.`)),
    );
  });
  writeFileSync(STAMP, hash);
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap(listFiles).sort()) {
    if (/\.test\.tsx?$/.test(file)) continue;
    hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function listFiles(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => listFiles(path.join(entry, name)));
}
