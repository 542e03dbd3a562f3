// `npm run bench:provenance [-- --json] [-- --seconds 20]`: how fast the public provenance page is.
// Starts embedded PostgreSQL and anvil in a temp folder on free ports, deploys LotTracker, builds if
// needed, starts the outbox sender and the indexer, seeds a realistic trail (a lot of 1,000 packages
// registered → shipped → accepted → shipped → accepted) through the app's own code, then loads one
// package's Digital Link page with 100 keep-alive connections on 127.0.0.1, three times, each web
// server alone on the machine: the previous approach (BASELINE_COMMIT, built from git), today's
// resolver served through Next's router (`next start`, the route handler), and as shipped (the web
// process, workers/web.ts). Prints a report, or with --json `{ "p50_ms", "p95_ms", "rps",
// "js_kb_gz", "baseline": {…}, "next_router": {…} }`. Exits 1 when a target is missed (p95 ≤ 50 ms,
// ≤ 100 KB of gzipped JavaScript).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { createProvider } from "@/lib/chain/provider";
import { nextBin } from "@/tools/stack/build";
import { startEphemeralStack } from "@/tools/stack/ephemeral";
import { startPart } from "@/tools/stack/parts";
import { type Service, startService, waitForHttp } from "@/tools/stack/processes";
import { BASELINE_COMMIT, prepareBaseline } from "./provenance/baseline";
import { measurePageJs } from "./provenance/js-size";
import { runLoad } from "./provenance/load";
import { SEEDED_PACKAGES, seedProvenanceTrail } from "./provenance/seed";

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
const build = spawnSync(process.execPath, ["--import", "tsx", "bench/provenance/build.ts"], {
  stdio: ["ignore", values.json ? process.stderr : "inherit", "inherit"],
});
if (build.status !== 0) throw new Error("next build failed; see the output above.");
const baseline = values.serve ? null : await prepareBaseline(log);
const { env } = stack;
Object.assign(process.env, env); // the domain functions that seed the trail read the same configuration
const parts: Service[] = [startPart("sender", env, port), startPart("indexer", env, port)];
const provider = createProvider(stack.rpcUrl, prepared.chainId);
let exitCode = 1;
try {
  const { gtin, lotCode, serial } = await seedProvenanceTrail({
    db: prepared.db,
    provider,
    chainId: prepared.chainId,
  });
  const pageUrl = `${baseUrl}/01/${gtin}/10/${lotCode}/21/${serial}`;
  log(`seeded lot ${lotCode}: ${SEEDED_PACKAGES} packages, 5 ledger events; loading ${pageUrl}`);
  if (values.serve) {
    // --serve: keep the seeded stack up for a person to look at (Ctrl-C stops everything).
    parts.push(startPart("web", env, port));
    log(`serving ${pageUrl}; press Ctrl-C to stop`);
    await new Promise((resolve) => process.once("SIGINT", resolve));
    throw new Error("stopped");
  }

  /** Starts one web server alone, checks it shows the trail, loads it, and measures its page's JS. */
  const measure = async (label: string, start: () => Service) => {
    const web = start();
    try {
      await waitForHttp(`${baseUrl}/sign-in`, 60_000);
      const check = await fetch(pageUrl);
      if (check.status !== 200 || !(await check.text()).includes("Received by FreshMart")) {
        throw new Error(`${label}: the page did not show the seeded trail (HTTP ${check.status}).`);
      }
      await runLoad(pageUrl, connections, 3); // warm-up, not counted
      const load = await runLoad(pageUrl, connections, seconds);
      const js = await measurePageJs(pageUrl);
      log(`${label}: ${JSON.stringify({ ...load, js_kb_gz: js.js_kb_gz })}`);
      return { ...load, js };
    } finally {
      await web.stop();
    }
  };
  const nextStart = () =>
    startService("next", process.execPath, [nextBin, "start", "-p", `${port}`], env);
  const before =
    baseline && (await measure("baseline: previous approach", () => baseline.start(env, port)));
  const router = await measure("through Next's router (next start)", nextStart);
  const shipped = await measure("as shipped (workers/web.ts)", () => startPart("web", env, port));
  const summary = (m: typeof shipped) => ({
    p50_ms: m.p50_ms,
    p95_ms: m.p95_ms,
    rps: m.rps,
    errors: m.errors,
    js_kb_gz: m.js.js_kb_gz,
  });
  const report = {
    p50_ms: shipped.p50_ms,
    p95_ms: shipped.p95_ms,
    rps: shipped.rps,
    js_kb_gz: shipped.js.js_kb_gz,
    requests: shipped.requests,
    errors: shipped.errors,
    js: shipped.js,
    baseline: before ? { commit: BASELINE_COMMIT.slice(0, 7), ...summary(before) } : null,
    next_router: summary(router),
    setup: {
      connections,
      seconds,
      host: "127.0.0.1",
      page: "/01/{gtin}/10/{lot}/21/{serial}",
      events: 5,
      packages: SEEDED_PACKAGES,
    },
  };
  const isMet =
    report.p95_ms <= TARGETS.p95_ms && report.js_kb_gz <= TARGETS.js_kb_gz && shipped.errors === 0;
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
  baseline?.remove();
  await stack.stop();
}
process.exit(exitCode);
