// `npm run bench:provenance [-- --json] [-- --seconds 20]`: how fast the public provenance page is.
// Starts embedded PostgreSQL and anvil in a temp folder on free ports, deploys LotTracker, builds if
// needed, starts the outbox sender, the indexer and `next start` (production), seeds a realistic trail
// (register → ship → accept → ship → accept) through the domain functions, then loads the lot's
// Digital Link page with 100 keep-alive connections on 127.0.0.1: first with the per-lot cache off
// (PROVENANCE_CACHE=off, the baseline), then as shipped. Prints a report, or with --json
// `{ "p50_ms", "p95_ms", "rps", "js_kb_gz", "baseline": {…} }`. Exits 1 when a target is missed
// (p95 ≤ 50 ms, ≤ 100 KB of gzipped JavaScript).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createProvider } from "@/lib/chain/provider";
import { measurePageJs } from "./bench/provenance-js-size";
import { runLoad } from "./bench/provenance-load";
import { seedProvenanceTrail } from "./bench/provenance-seed";
import { startEphemeralStack } from "./stack/ephemeral";
import { startPart } from "./stack/parts";
import { type Service, waitForHttp } from "./stack/processes";

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "100" },
    serve: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const TARGETS = { p95_ms: 50, js_kb_gz: 100 };
// With --json, stdout carries the JSON only: the parts' and the build's logs go to stderr.
const stdoutWrite = process.stdout.write.bind(process.stdout);
if (values.json)
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof stdoutWrite;
const log = (line: string) => console.error(`[bench] ${line}`);

const stack = await startEphemeralStack("bench-provenance", log);
const { baseUrl, port, prepared } = stack;
const build = spawnSync(
  process.execPath,
  ["--import", "tsx", "scripts/bench/provenance-build.ts"],
  {
    stdio: ["ignore", values.json ? process.stderr : "inherit", "inherit"],
  },
);
if (build.status !== 0) throw new Error("next build failed; see the output above.");
const { env } = stack;
Object.assign(process.env, env); // the domain functions that seed the trail read the same configuration
const parts: Service[] = [startPart("sender", env, port), startPart("indexer", env, port)];
const provider = createProvider(stack.rpcUrl, prepared.chainId);
let exitCode = 1;
try {
  const { gtin, lotCode } = await seedProvenanceTrail({
    db: prepared.db,
    provider,
    chainId: prepared.chainId,
  });
  const pageUrl = `${baseUrl}/01/${gtin}/10/${lotCode}`;
  log(`seeded lot ${lotCode}: 5 ledger events; loading ${pageUrl}`);
  if (values.serve) {
    // --serve: keep the seeded stack up for a person to look at (Ctrl-C stops everything).
    parts.push(startPart("web", env, port));
    log(`serving ${pageUrl}; press Ctrl-C to stop`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
    throw new Error("stopped");
  }

  const measure = async (label: string, webEnv: NodeJS.ProcessEnv, url = pageUrl) => {
    const web = startPart("web", webEnv, port);
    try {
      await waitForHttp(`${baseUrl}/sign-in`, 60_000);
      const check = await fetch(url);
      if (check.status !== 200 || !(await check.text()).includes("Received by FreshMart")) {
        throw new Error(`${label}: the page did not show the seeded trail (HTTP ${check.status}).`);
      }
      await runLoad(url, connections, 3); // warm-up, not counted
      const result = await runLoad(url, connections, seconds);
      log(`${label}: ${JSON.stringify(result)}`);
      return result;
    } finally {
      await web.stop();
    }
  };
  // Baseline: the same page rendered for every request with the per-lot cache off (the live route
  // that proxy.ts uses after a quiet spell, requested directly).
  const baseline = await measure(
    "baseline: rendered per request, no cache",
    { ...env, PROVENANCE_CACHE: "off" },
    pageUrl.replace("/01/", "/provenance-live/01/"),
  );
  const cached = await measure("as shipped", env);
  const web = startPart("web", env, port);
  await waitForHttp(`${baseUrl}/sign-in`, 60_000);
  const js = await measurePageJs(pageUrl);
  await web.stop();
  const report = {
    p50_ms: cached.p50_ms,
    p95_ms: cached.p95_ms,
    rps: cached.rps,
    js_kb_gz: js.js_kb_gz,
    requests: cached.requests,
    errors: cached.errors,
    js: js,
    baseline: {
      p50_ms: baseline.p50_ms,
      p95_ms: baseline.p95_ms,
      rps: baseline.rps,
      errors: baseline.errors,
    },
    setup: { connections, seconds, host: "127.0.0.1", page: "/01/{gtin}/10/{lot}", events: 5 },
  };
  const isMet =
    report.p95_ms <= TARGETS.p95_ms && report.js_kb_gz <= TARGETS.js_kb_gz && cached.errors === 0;
  if (values.json) stdoutWrite(`${JSON.stringify(report)}\n`);
  else {
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `targets p95 ≤ ${TARGETS.p95_ms} ms, JS ≤ ${TARGETS.js_kb_gz} KB gz: ${isMet ? "met" : "MISSED"}`,
    );
  }
  exitCode = isMet ? 0 : 1;
} finally {
  provider.destroy();
  for (const part of parts) await part.stop();
  await stack.stop();
}
process.exit(exitCode);
