import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const scripts = (
  JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }
).scripts;

function preflight(suites: string[], env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tools/preflight.ts", ...suites],
    { env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 },
  );
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe("npm test's preflight", () => {
  it("runs first, before the type check and every suite that needs Chromium or PostgreSQL", () => {
    expect(scripts.test).toMatch(/^npm run test:suites && /);
    expect(scripts["test:suites"]).toMatch(/^npm run preflight -- all && npm run typecheck/);
    expect(scripts["test:db"]).toMatch(/^npm run preflight -- db && /);
    expect(scripts["test:e2e"]).toMatch(/^npm run preflight -- e2e && /);
    expect(scripts["test:chaos"]).toMatch(/^npm run preflight -- chaos && /);
  });

  it("says at once what to install, or which variable to set, when Chromium is missing", () => {
    const result = preflight(["all"], { CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "The tests cannot run here: the end-to-end tests drive Chromium, and there is none at /nonexistent/chromium: install it (`apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome executable.",
    );
    expect(result.seconds).toBeLessThan(10);
  });

  it("asks nothing of the suites that do not drive a browser", () => {
    const result = preflight(["db"], { CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
