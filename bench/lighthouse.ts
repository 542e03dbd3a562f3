// `npm run bench:lighthouse -- [--json] [--base-url URL] [--email E] [--password P] [--cookie C]
// [--desktop] [paths…]`: Lighthouse's accessibility and performance scores (0–100) of each page,
// signed in, on a phone profile (Lighthouse's mobile emulation and throttling) unless --desktop.
// Runs against a LotLedger that is already up (`npm start`, the demo stack): it signs in through
// Better Auth's endpoint as --email (farm@lotledger.demo by default) unless --cookie is given, and
// sends that cookie with every request Lighthouse makes. Chromium comes from CHROME_PATH
// (/usr/bin/chromium by default). Paths default to the landing page and the lots page (the landing
// page is audited signed out: signed in, it redirects to the member's home). Prints a table, or with
// --json `{ "pages": [{ "path", "accessibility", "performance", "failing": [accessibility audit
// ids], "installability" }] }`, where
// installability is what Chromium says about installing the app from that page (bench/installability.ts).
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { signIn } from "@/tools/chaos/client";
import { checkInstallability, type Installability } from "./installability";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    "base-url": { type: "string", default: process.env.APP_URL ?? "http://localhost:3000" },
    email: { type: "string", default: "farm@lotledger.demo" },
    password: { type: "string", default: "lotledger-demo" },
    cookie: { type: "string" },
    desktop: { type: "boolean", default: false },
  },
});
const baseUrl = (values["base-url"] as string).replace(/\/$/, "");
const paths = positionals.length > 0 ? positionals : ["/", "/lots"];
const log = (line: string) => console.error(`[lighthouse] ${line}`);

const cookie = values.cookie ?? (await signIn(baseUrl, values.email, values.password));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

type PageScore = {
  path: string;
  accessibility: number | null;
  performance: number | null;
  failing: string[];
  installability: Installability;
};
const results: PageScore[] = [];
try {
  for (const path of paths) {
    log(`auditing ${path}`);
    // The landing page is for people who are not signed in.
    const headers: Record<string, string> = path === "/" ? {} : { Cookie: cookie };
    const run = await lighthouse(`${baseUrl}${path}`, {
      port: chrome.port,
      onlyCategories: ["accessibility", "performance"],
      extraHeaders: headers,
      logLevel: "error",
      formFactor: values.desktop ? "desktop" : "mobile",
      screenEmulation: values.desktop
        ? { mobile: false, width: 1280, height: 800, deviceScaleFactor: 1, disabled: false }
        : undefined,
    });
    const lhr = run?.lhr;
    const category = lhr?.categories.accessibility;
    const failing = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr?.audits[ref.id]?.score === 0)
      .map((ref) => ref.id);
    if (lhr?.finalDisplayedUrl && !lhr.finalDisplayedUrl.endsWith(path)) {
      log(`${path} ended at ${lhr.finalDisplayedUrl}`);
    }
    const performance = lhr?.categories.performance?.score;
    if (performance == null) {
      log(
        `${path}: no performance score (${lhr?.runtimeError?.message ?? lhr?.runWarnings.join("; ")})`,
      );
    }
    results.push({
      path,
      accessibility: category?.score == null ? null : Math.round(category.score * 100),
      performance: performance == null ? null : Math.round(performance * 100),
      failing,
      installability: await checkInstallability(chrome.port, `${baseUrl}${path}`, headers.Cookie),
    });
  }
} finally {
  await chrome.kill();
}

if (values.json) {
  console.log(JSON.stringify({ pages: results }, null, 2));
} else {
  console.log("a11y  perf  page");
  for (const { path, accessibility, performance, failing, installability } of results) {
    console.log(
      `${String(accessibility ?? "—").padStart(4)}  ${String(performance ?? "—").padStart(4)}  ${path}${failing.length ? `  (failing: ${failing.join(", ")})` : ""}`,
    );
    const { errors, hasServiceWorker } = installability;
    console.log(
      `      installable: ${errors.length === 0 ? "yes" : `no (${errors.join("; ")})`} · service worker: ${hasServiceWorker ? "yes" : "no"}`,
    );
  }
}
