import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { seedRecallLots } from "./fixtures/recall";

// Issue 15: every page LotLedger shows, public and signed in, on a phone (360×740) and a desktop
// (1280×800), has no critical and no serious axe-core violation. Each page is checked at both sizes
// and every violation is listed (page, size, rule, the elements) before the test fails, so one run
// says everything that is left.

const VIEWPORTS = [
  { name: "360", width: 360, height: 740 },
  { name: "1280", width: 1280, height: 800 },
] as const;

type Finding = string;

async function audit(page: Page, path: string, findings: Finding[]): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBeLessThan(500);
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const violation of violations) {
      if (violation.impact !== "critical" && violation.impact !== "serious") continue;
      const targets = violation.nodes.map((node) => node.target.join(" ")).join(" | ");
      findings.push(
        `${path} @${viewport.name}: ${violation.id} (${violation.impact}) → ${targets}`,
      );
    }
  }
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  return page;
}

/** Recalls lot `lotId` as FreshMart's quality manager, through lib/recall, in a child process. */
function recallAsStore(lotId: string): void {
  const result = spawnSync(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "e2e/fixtures/start-recall.ts",
      "store@lotledger.demo",
      lotId,
      "Listeria monocytogenes found in a retained sample.",
    ],
    { encoding: "utf8", timeout: 120_000, env: process.env },
  );
  if (result.status !== 0) throw new Error(`start-recall failed: ${result.stderr}`);
}

test("every page has no critical or serious axe violation at 360 and 1280 px", async ({
  page,
  browser,
  db,
}) => {
  test.setTimeout(600_000);
  const prefix = `AX-${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const { h, x } = seedRecallLots(prefix);
  recallAsStore(x.id);
  const recall = await db.recall.findFirstOrThrow({ where: { lotId: x.id } });
  const findings: Finding[] = [];

  // Public: the landing page, sign-in and password reset, the consumer's pages and their errors.
  for (const path of [
    "/",
    "/sign-in",
    "/sign-in/forgot-password",
    "/sign-in/forgot-password?sent=1",
    "/sign-in/reset-password?token=not-a-token",
    `/01/${GTIN}`,
    `/01/${GTIN}/10/${h.lotCode}`,
    `/01/${GTIN}/10/${x.lotCode}/21/${x.serials[0]}`,
    `/01/${GTIN}/10/NO-SUCH-LOT`,
    "/01/12345",
  ]) {
    await audit(page, path, findings);
  }

  // The farm's admin: lots, events, labels, products, organisation, recalls.
  const farm = await signedIn(browser, "farm@lotledger.demo");
  for (const path of [
    "/home",
    "/lots",
    "/lots/new",
    `/lots/${h.id}`,
    `/lots/${h.id}/readings`,
    `/lots/${h.id}/labels`,
    "/events/harvesting",
    `/events/split?lot=${h.id}`,
    "/scan",
    "/products",
    "/products/new",
    `/products/${GTIN}`,
    "/organization",
    "/organization/members",
    "/organization/devices",
    "/organization/locations/new",
    "/recalls",
    `/recalls?q=${h.lotCode}`,
    "/recalls/notifications",
    `/recalls/lots/${h.id}`,
    `/recalls/lots/${h.id}/new`,
    `/recalls/lots/${h.id}/new?reason=Salmonella%20in%20a%20sample&severity=CLASS_I`,
    `/recalls/${recall.id}`,
  ]) {
    await audit(farm, path, findings);
  }

  // The store that recalled, the carrier and the regulator see their own pages.
  const store = await signedIn(browser, "store@lotledger.demo");
  for (const path of ["/home", "/lots", `/lots/${x.id}`, `/recalls/${recall.id}`]) {
    await audit(store, path, findings);
  }
  const carrier = await signedIn(browser, "carrier@lotledger.demo");
  await audit(carrier, "/home", findings);
  await audit(carrier, "/lots", findings);
  const regulator = await signedIn(browser, "regulator@lotledger.demo");
  for (const path of ["/home", "/lots", "/audit-log", "/recalls", `/recalls/${recall.id}`]) {
    await audit(regulator, path, findings);
  }

  if (findings.length > 0) console.log(`axe findings:\n${findings.join("\n")}`);
  expect(findings).toEqual([]);
});
