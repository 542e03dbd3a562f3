import { decodeQrPng } from "./fixtures/decode-qr";
import { expect, signIn, test } from "./fixtures/index";
import { GTIN, pageAs } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

const baseURL = process.env.E2E_BASE_URL;

/** The pages of a PDF Chromium printed, with each page's size in points (1/72 in). */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString("latin1");
  return [...text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[([^\]]+)\]/g)].map((m) => {
    const [, , width = 0, height = 0] = (m[1] as string).trim().split(/\s+/).map(Number);
    return { width: Math.round(width), height: Math.round(height) };
  });
}

test("a lot's label sheet holds one QR label per package, each opening that package's page", async ({
  browser,
  db,
  lotCode,
}) => {
  const { lotId, serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 20 });
  // A sharper screen than a laptop's, as a phone camera sees a printed label.
  const context = await browser.newContext({ baseURL, deviceScaleFactor: 3 });
  const page = await context.newPage();
  await signIn(page, "farm@lotledger.demo");
  await page.goto(`/lots/${lotId}`);
  await expect(page.getByTestId("packages")).toHaveText("20 packages labelled");
  await page.getByRole("link", { name: "Print package labels" }).click();
  await expect(page).toHaveURL(`/lots/${lotId}/labels`);
  await expect(page.getByRole("heading", { name: `Labels for lot ${lotCode}` })).toBeVisible();
  const labels = page.getByTestId("package-label");
  await expect(labels).toHaveCount(20);
  await expect(page.getByTestId("case-label")).toContainText(`(01)${GTIN}(10)${lotCode}`);
  await expect(page.getByTestId("case-label").locator("svg")).toBeVisible();
  const label = labels.nth(7);
  for (const line of [`(01)${GTIN}`, `(10)${lotCode}`, `(21)${serials[7]}`]) {
    await expect(label.getByText(line, { exact: true })).toBeVisible();
  }

  const uri = decodeQrPng(await label.locator("svg").screenshot());
  // APP_URL's host, which may name this machine otherwise than the tests do.
  expect(uri).toMatch(new RegExp(`^https?://[^/]+/01/${GTIN}/10/${lotCode}/21/${serials[7]}$`));
  const consumer = await browser.newPage();
  await consumer.goto(uri);
  await expect(consumer.getByTestId("package-proof")).toHaveText(
    `✓ this package is one of the 20 packages registered on the ledger with lot ${lotCode}`,
  );
  await consumer.close();

  // A4: the case label and 15 packages on the first sheet, 5 on the second.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("heading", { name: `Labels for lot ${lotCode}` })).toBeHidden();
  const a4 = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(a4).toHaveLength(2);
  expect(a4[0]).toEqual({ width: 595, height: 842 });
  // 4×6 in thermal labels: the case label, then one package a page.
  await page.goto(`/lots/${lotId}/labels?layout=4x6`);
  await expect(page.getByTestId("sheet-page")).toHaveCount(21);
  const thermal = pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(thermal).toHaveLength(21);
  expect(thermal[0]).toEqual({ width: 288, height: 432 });
  await context.close();
});

test("the sheet offers GS1 DataMatrix codes carrying the same AIs", async ({
  browser,
  db,
  lotCode,
}) => {
  const { lotId, serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 2 });
  const page = await pageAs(browser, "farm@lotledger.demo");
  await page.goto(`/lots/${lotId}/labels`);
  await page.getByRole("link", { name: "GS1 DataMatrix" }).click();
  await expect(page).toHaveURL(/code=datamatrix/);
  await expect(page.getByTestId("package-label")).toHaveCount(2);
  await expect(page.getByTestId("package-label").first()).toContainText(`(21)${serials[0]}`);
  await expect(page.getByTestId("package-label").first().locator("svg")).toBeVisible();
  await page.context().close();
});

test("only staff of the organisation holding or producing the lot get its labels", async ({
  browser,
  page,
  db,
  lotCode,
}) => {
  const { lotId, serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 1 });
  // A regulator sees every lot, but prints no labels.
  const regulator = await pageAs(browser, "regulator@lotledger.demo");
  await regulator.goto(`/lots/${lotId}/labels`);
  // (Next's route announcer is an empty alert too.)
  await expect(regulator.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    `Only staff of the organisation holding or producing lot ${lotCode} print its labels.`,
  );
  await expect(regulator.getByText(serials[0] as string)).toHaveCount(0);
  await regulator.context().close();
  // A carrier with no part in the lot is told there is no such page, not even the lot's code.
  const carrier = await pageAs(browser, "carrier@lotledger.demo");
  const response = await carrier.goto(`/lots/${lotId}/labels`);
  expect(response?.status()).toBe(404);
  await expect(carrier.getByText(lotCode)).toHaveCount(0);
  await expect(carrier.getByText(serials[0] as string)).toHaveCount(0);
  await carrier.context().close();
  await page.goto(`/lots/${lotId}/labels`);
  await expect(page).toHaveURL(/\/sign-in/);
});
