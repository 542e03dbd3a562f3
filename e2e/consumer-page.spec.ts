import { spawnSync } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { seedRecallLots } from "./fixtures/recall";

// The consumer's page, as issue 14 found it wanting: it now says what the product is, where and when
// it was grown, each time on the clock of its place, and for a recall why, since when, how serious
// and whom to ask, with nothing reassuring under "Do not eat"; a lot code typed in small letters
// offers the recalled lot.

const PRODUCT = "Romaine lettuce, field-packed";
const REASON = "Listeria monocytogenes found in a retained sample.";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const STORE_PHONE = "+1 408 555 0112";

/** Recalls a lot as FreshMart's quality manager (Class I), through lib/recall, in a child process. */
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
      REASON,
    ],
    { encoding: "utf8", timeout: 120_000, env: process.env },
  );
  if (result.status !== 0) throw new Error(`start-recall failed: ${result.stderr}`);
}

async function screenshots(page: Page, name: string, outputPath: (file: string) => string) {
  for (const [size, viewport] of [
    ["360", PHONE],
    ["1280", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: outputPath(`${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(PHONE);
}

/** The first screen of a phone at 2× (docs/screenshots' size), what a shopper sees on scanning. */
async function phoneScreen(browser: Browser, path: string, file: string) {
  const context = await browser.newContext({
    baseURL: process.env.E2E_BASE_URL,
    viewport: PHONE,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await page.goto(path);
  await page.screenshot({ path: file });
  await context.close();
}

test("a recalled lot's package page names the product, the reason, class, date and whom to ask; a lower-case lot code offers it", async ({
  page,
  browser,
  db,
}, testInfo) => {
  test.setTimeout(240_000);
  // The demo places are in California; the store gives a phone number for its recalls.
  await db.location.updateMany({
    where: { organization: { gln: { startsWith: "952000" } } },
    data: { timeZone: "America/Los_Angeles" },
  });
  await db.location.updateMany({
    where: { name: "FreshMart Store 112" },
    data: { phone: STORE_PHONE },
  });
  // Harvest H split into X (shipped to FreshMart) and Y; codes a person would read off a package.
  const prefix = `RM-${Date.now().toString(36).slice(-4).toUpperCase()}`;
  const { x } = seedRecallLots(prefix);
  const packagePath = `/01/${GTIN}/10/${x.lotCode}/21/${x.serials[0]}`;

  await page.setViewportSize(PHONE);
  await page.goto(packagePath);
  await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
  await expect(page.getByTestId("origin-field")).toHaveText("Field 7");
  await expect(page.getByTestId("origin-harvest-date")).toHaveText(/^\d{1,2} \w{3} \d{4}$/);
  // Each step on the clock of California, the zone named (PST in winter, PDT in summer).
  const times = page.getByRole("list", { name: "Journey" }).getByTestId("when");
  await expect(times.first()).toHaveText(/, \d\d:\d\d P[SD]T$/);
  await expect(page.getByTestId("package-proof")).toContainText("✓ this package is one of the 2");
  await screenshots(page, "consumer-page", testInfo.outputPath.bind(testInfo));
  await phoneScreen(browser, packagePath, testInfo.outputPath("provenance-phone.png"));

  recallAsStore(x.id);
  await expect(async () => {
    await page.goto(packagePath);
    await expect(page.getByRole("alert")).toBeVisible({ timeout: 200 });
  }).toPass({ timeout: 5_000 });
  const banner = page.getByRole("alert");
  await expect(banner.getByRole("heading")).toHaveText(`Recalled: lot ${x.lotCode}`);
  await expect(banner).toContainText("Do not eat this product.");
  await expect(banner.getByTestId("recall-what")).toHaveText(
    `${PRODUCT}, lot ${x.lotCode} (GTIN ${GTIN})`,
  );
  await expect(banner.getByTestId("recall-reason")).toHaveText(
    `“${REASON}” — FreshMart Supermarkets`,
  );
  await expect(banner.getByTestId("recall-class")).toHaveText(
    "Class I: could cause serious illness",
  );
  const today = new Intl.DateTimeFormat("en-GB", {
    dateStyle: "medium",
    timeZone: "America/Los_Angeles",
  }).format(new Date());
  await expect(banner.getByTestId("recall-since")).toHaveText(today);
  await expect(banner.getByTestId("recall-contact")).toHaveText(
    `FreshMart Supermarkets, ${STORE_PHONE}`,
  );
  await expect(banner.getByRole("link", { name: STORE_PHONE })).toHaveAttribute(
    "href",
    "tel:+14085550112",
  );
  // Nothing reassuring under "Do not eat": the package's proof comes last, without a tick.
  await expect(page.getByText("✓ this package")).toHaveCount(0);
  await expect(page.getByTestId("package-proof")).toContainText("so the recall covers it");
  await expect(page.getByTestId("ledger-meaning")).toContainText("It does not prove");
  expect(await page.locator("script").count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshots(page, "consumer-page-recalled", testInfo.outputPath.bind(testInfo));
  await phoneScreen(browser, packagePath, testInfo.outputPath("provenance-recalled-phone.png"));

  // A consumer checks another package, typing the lot code in small letters: not found, but the
  // recalled lot is offered, and leads to its page.
  const check = page.getByRole("region", { name: "Check another lot" });
  await check.getByLabel(/^GTIN/).fill(GTIN);
  await check.getByLabel(/^Lot code/).fill(x.lotCode.toLowerCase());
  await check.getByRole("button", { name: "Check this lot" }).click();
  await expect(page.getByTestId("not-found")).toContainText(
    `LotLedger has no record of lot ${x.lotCode.toLowerCase()}`,
  );
  const offer = page.getByTestId("did-you-mean");
  await expect(offer.getByRole("listitem")).toHaveCount(1);
  await expect(offer).toContainText("recalled: if this is the code on your package, do not eat it");
  await screenshots(page, "consumer-did-you-mean", testInfo.outputPath.bind(testInfo));
  await offer.getByRole("link", { name: `lot ${x.lotCode}` }).click();
  await expect(page).toHaveURL(new RegExp(`/01/${GTIN}/10/${x.lotCode}$`));
  await expect(page.getByRole("alert")).toContainText(REASON);

  // A pasted Digital Link leads to its lot too; a bad GTIN is told what is wrong.
  await check.getByLabel("Or paste the package's link").fill(`https://id.gs1.org${packagePath}`);
  await check.getByRole("button", { name: "Check this lot" }).click();
  await expect(page).toHaveURL(new RegExp(`${packagePath}$`));
  await check.getByLabel(/^GTIN/).fill("09506000134353");
  await check.getByLabel(/^Lot code/).fill(x.lotCode);
  await check.getByRole("button", { name: "Check this lot" }).click();
  await expect(page.getByTestId("invalid-reason")).toContainText("wrong check digit");
});
