import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { DEMO_PASSWORD, expect, expectOnLedger, formError, signIn, test } from "./fixtures";

// The audit log as a farm's admin reads it: a harvest and a CSV download recorded by the admin
// (and a mistyped password before that), each with who, when and from where; a regulator reads
// every organisation's; staff read none.

const PRODUCE_GTIN = "09506000134352";
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

test.use({ viewport: DESKTOP });

async function recordHarvest(page: Page, lotCode: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Record" })
    .getByRole("link", { name: "Harvest" })
    .click();
  await page.getByLabel("Commodity").fill("Lettuce");
  await page.getByLabel("Variety").fill("Romaine");
  await page.getByLabel("Field or growing area").fill("Field 7, north block");
  await page.getByLabel("GTIN").fill(PRODUCE_GTIN);
  await page.getByLabel("New lot code").fill(lotCode);
  await page.getByLabel("Quantity", { exact: true }).fill("500");
  await page.getByLabel("Goes next to").selectOption({ label: "Green Valley Farm, Field 7" });
  await page.getByLabel("Document number").fill("HL-AUDIT");
  await page.getByRole("button", { name: "Record harvest" }).click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lotIdOf(PRODUCE_GTIN, lotCode)}\\?write=\\w+$`));
  await expectOnLedger(page);
}

test("a farm admin records a harvest, exports a CSV and reads both in the audit log, with where they came from", async ({
  page,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  // A mistyped password first: the failure is in the log too.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("farm@lotledger.demo");
  await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(page)).toContainText("The email or password is wrong");
  await signIn(page, "farm@lotledger.demo");

  await recordHarvest(page, lotCode);
  await page.goto(`/recalls/lots/${lotIdOf(PRODUCE_GTIN, lotCode)}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "FSMA 204 spreadsheet (CSV)" }).click();
  expect((await download).suggestedFilename()).toMatch(/^fsma-204-.*\.csv$/);

  await page.getByRole("banner").getByRole("link", { name: "Green Valley Farm" }).click();
  await page.getByRole("link", { name: /^Audit log/ }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Lot").fill(lotCode);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`lot=${lotCode}`));

  const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(2);
  const harvest = entries.filter({ hasText: `Recorded the harvest of lot ${lotCode}` });
  const exported = entries.filter({ hasText: "Downloaded the FSMA 204 spreadsheet" });
  for (const entry of [harvest, exported]) {
    await expect(entry).toContainText("Maria Lopez · Green Valley Farm");
    // From where: the client address (the test's own machine) and its browser.
    await expect(entry).toContainText(/(127\.0\.0\.1|::1)\S* · Mozilla\/5\.0/);
  }
  await expect(harvest).toContainText("Recorded an event");
  await expect(exported).toContainText("Exported a CSV");
  await page.screenshot({ path: testInfo.outputPath("audit-log-1280.png"), fullPage: true });

  // The same entries as CSV, with the filter kept.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download these entries (CSV)" }).click();
  const csv = await readFile((await (await csvDownload).path()) as string, "utf8");
  expect(csv).toContain(`Recorded the harvest of lot ${lotCode}`);
  expect(csv).toContain(`Downloaded the FSMA 204 spreadsheet of lot ${lotCode}`);

  await page.getByLabel("Lot").fill("");
  await page.getByLabel("Action").selectOption({ label: "Failed sign-in" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Failed to sign in as farm@lotledger.demo" })
      .first(),
  ).toBeVisible();

  await page.setViewportSize(PHONE);
  await page.goto(`/audit-log?lot=${lotCode}`);
  await expect(page.getByRole("list", { name: "Audit entries" }).getByRole("listitem")).toHaveCount(
    2,
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.width,
  );
  await page.screenshot({ path: testInfo.outputPath("audit-log-360.png"), fullPage: true });
});

test("a regulator reads every organisation's entries from its navigation; farm staff read none", async ({
  page,
  lotCode,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "farm@lotledger.demo");
  await recordHarvest(page, lotCode);

  await page.context().clearCookies();
  await signIn(page, "regulator@lotledger.demo");
  await page.getByRole("banner").getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Lot").fill(lotCode);
  await page.getByRole("button", { name: "Filter" }).click();
  const entries = page.getByRole("list", { name: "Audit entries" }).getByRole("listitem");
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("Maria Lopez · Green Valley Farm");

  await page.context().clearCookies();
  await signIn(page, "farm-staff@lotledger.demo");
  await expect(page.getByRole("banner").getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/audit-log");
  await expect(page.getByText("Only an admin of Green Valley Farm or a regulator")).toBeVisible();
  const response = await page.request.get("/api/audit-log.csv");
  expect(response.status()).toBe(403);
});
