import type { Browser, Page } from "@playwright/test";
import { decodeQrPng } from "./fixtures/decode-qr";
import { expect, expectOnLedger, fillLotForm, test } from "./fixtures/index";
import { expectJourney, GTIN, pageAs, shipToCarrier } from "./fixtures/journey";
import { createSerialisedLot, recallOnLedger } from "./fixtures/ledger-writes";
import { seedRecallLots } from "./fixtures/recall";

const baseURL = process.env.E2E_BASE_URL;

/**
 * Opens `path` until `check` passes: after a write straight to the database, the web process drops
 * its cached page when the database's notification reaches it, milliseconds later.
 */
async function expectAfterWrite(page: Page, path: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(path);
    await check();
  }).toPass({ timeout: 3_000 });
}

/** The farm registers the lot through the staff pages (no packages) and, unless told, ships it. */
async function recordJourney(browser: Browser, lotCode: string, options = { ship: true }) {
  const farm = await pageAs(browser, "farm@lotledger.demo");
  await fillLotForm(farm, { gtin: GTIN, lotCode, quantity: "300", unit: "case" });
  await expect(farm).toHaveURL(/created=/);
  await expectOnLedger(farm);
  await farm.context().close();
  if (options.ship) await shipToCarrier(browser, lotCode);
}

test("a label's QR code opens the lot's verified journey for a signed-out consumer", async ({
  browser,
  lotCode,
}) => {
  await recordJourney(browser, lotCode);
  const consumer = await browser.newContext({ baseURL });
  const label = await consumer.request.get(`/api/labels/01/${GTIN}/10/${lotCode}/qr.png`);
  expect(label.status()).toBe(200);
  expect(label.headers()["content-type"]).toBe("image/png");
  const uri = decodeQrPng(await label.body());
  expect(uri).toMatch(new RegExp(`^https?://[^/]+/01/${GTIN}/10/${lotCode}$`));
  const svg = await consumer.request.get(`/api/labels/01/${GTIN}/10/${lotCode}/qr.svg`);
  expect(svg.headers()["content-type"]).toBe("image/svg+xml");

  const page = await consumer.newPage();
  const response = await page.goto(uri);
  expect(response?.status()).toBe(200);
  // The product's name heads the page (issue 14: it used to be "Lot …"), the lot code under it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Romaine lettuce, field-packed");
  await expect(page.getByTestId("lot-code")).toHaveText(lotCode);
  await expect(page.getByTestId("origin")).toContainText("Green Valley Farm");
  await expect(page.getByRole("img", { name: /Map of the journey/ })).toBeVisible();
  await expectJourney(page);
  await expect(page.getByRole("alert").filter({ hasText: "Recalled" })).toHaveCount(0);
  // The public page loads no script at all.
  expect(await page.locator("script").count()).toBe(0);
  await consumer.close();
});

test("a package's page proves it is one of the lot's packages, and says so when the list was changed", async ({
  page,
  db,
  lotCode,
}) => {
  const { lotId, serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 5 });
  const path = `/01/${GTIN}/10/${lotCode}/21/${serials[2]}`;
  await page.goto(path);
  await expect(page.getByTestId("package-proof")).toHaveText(
    `✓ this package is one of the 5 packages registered on the ledger with lot ${lotCode}`,
  );
  // Five leaves in OpenZeppelin's tree: a leaf's proof has 2 or 3 hashes, by where its serial sorts.
  const summary = page.getByText(/Merkle proof \(\d hashes?\)/);
  const hashes = Number((await summary.textContent())?.match(/\((\d) hash/)?.[1]);
  expect([2, 3]).toContain(hashes);
  await summary.click();
  await expect(page.getByRole("list", { name: "Proof hashes" }).getByRole("listitem")).toHaveCount(
    hashes,
  );
  // A serial slipped into the stored list afterwards: no package of the lot verifies any more.
  await db.package.create({ data: { lotId, serial: "FORGED2345", ledgerTransactionId: "forged" } });
  for (const serial of [serials[2], "FORGED2345"]) {
    await expectAfterWrite(page, `/01/${GTIN}/10/${lotCode}/21/${serial}`, () =>
      expect(page.getByTestId("package-proof")).toHaveText(
        "✗ not verified: this package's serial does not match the lot's packages on the ledger",
        { timeout: 200 },
      ),
    );
  }
  // Taken out again, the list is the ledger's once more.
  await db.package.delete({ where: { lotId_serial: { lotId, serial: "FORGED2345" } } });
  await expectAfterWrite(page, path, () =>
    expect(page.getByTestId("package-proof")).toContainText("✓ this package is one of the 5", {
      timeout: 200,
    }),
  );
});

test("a payload changed after it went on the ledger shows as not verified on the public page", async ({
  page,
  db,
  lotCode,
}) => {
  const { lotId } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 1 });
  const path = `/01/${GTIN}/10/${lotCode}`;
  await page.goto(path);
  const step = page.getByRole("list", { name: "Journey" }).getByRole("listitem").first();
  await expect(step.getByTestId("verification")).toHaveText("✓ verified on the ledger");
  const { payloadHash } = await db.lot.findUniqueOrThrow({ where: { id: lotId } });
  const where = { hash: payloadHash as string };
  const { body } = await db.eventPayload.findUniqueOrThrow({ where });
  const tampered = { ...(body as object), quantityList: [] };
  await db.eventPayload.update({ where, data: { body: tampered } });
  try {
    await expectAfterWrite(page, path, () =>
      expect(step.getByTestId("verification")).toHaveText(
        "✗ not verified: the stored record no longer matches the ledger",
        { timeout: 200 },
      ),
    );
  } finally {
    // Put back as it was: `npm run verify` (verification.spec.ts) checks the whole database.
    await db.eventPayload.update({ where, data: { body: body as object } });
  }
  await expectAfterWrite(page, path, () =>
    expect(step.getByTestId("verification")).toHaveText("✓ verified on the ledger", {
      timeout: 200,
    }),
  );
});

test("a recall indexed from the ledger puts the red banner on the page within seconds", async ({
  page,
  db,
  lotCode,
}) => {
  const { lotId, serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 2 });
  const path = `/01/${GTIN}/10/${lotCode}/21/${serials[0]}`;
  await page.goto(path);
  const banner = page.getByRole("alert").filter({ hasText: "Recalled" });
  await expect(banner).toHaveCount(0);
  await recallOnLedger(db, lotId);
  const indexedAt = Date.now();
  await expectAfterWrite(page, path, () =>
    expect(banner).toContainText(
      "Do not eat this product. Return it to the store or throw it away.",
      { timeout: 200 },
    ),
  );
  expect(Date.now() - indexedAt).toBeLessThan(3_000);
  const recall = await page.request.get(`/recall-status${path}`);
  expect(await recall.json()).toMatchObject({ isRecalled: true, recallStatus: "recalled" });
});

test("recalling a harvest puts the banner on the pages of packages made from it, cached or not", async ({
  page,
  db,
  lotCode,
}) => {
  test.setTimeout(120_000);
  // H is split into the sibling batches X and Y, each with packages of its own.
  const { h, x, y } = seedRecallLots(lotCode);
  const pathOf = (lot: { lotCode: string; serials: string[] }) =>
    `/01/${GTIN}/10/${lot.lotCode}/21/${lot.serials[0]}`;
  const banner = page.getByRole("alert").filter({ hasText: "Recalled" });
  // X's page is opened (and so cached by the web process) before the recall, Y's only after.
  await page.goto(pathOf(x));
  await expect(banner).toHaveCount(0);
  // X's journey starts at the harvest; the cached page follows a change to H's stored record too.
  const harvest = page.getByRole("list", { name: "Journey" }).getByRole("listitem").first();
  await expect(harvest).toContainText("Harvested by Green Valley Farm");
  await expect(harvest.getByTestId("source-lot")).toHaveText(
    `Lot ${h.lotCode}, which this lot was made from`,
  );
  const { payloadHash } = await db.lot.findUniqueOrThrow({ where: { id: h.id } });
  const where = { hash: payloadHash as string };
  const { body } = await db.eventPayload.findUniqueOrThrow({ where });
  await db.eventPayload.update({ where, data: { body: { ...(body as object), tampered: true } } });
  try {
    await expectAfterWrite(page, pathOf(x), () =>
      expect(harvest.getByTestId("verification")).toHaveText(
        "✗ not verified: the stored record no longer matches the ledger",
        { timeout: 200 },
      ),
    );
  } finally {
    await db.eventPayload.update({ where, data: { body: body as object } });
  }
  await recallOnLedger(db, h.id);
  const indexedAt = Date.now();
  await expectAfterWrite(page, pathOf(x), () =>
    expect(banner).toContainText(`Recalled: made from lot ${h.lotCode}`, { timeout: 200 }),
  );
  expect(Date.now() - indexedAt).toBeLessThan(3_000);
  await page.goto(pathOf(y));
  await expect(banner).toContainText(
    `This product was made from lot ${h.lotCode} (GTIN ${GTIN}), which is recalled.`,
  );
  const recall = await page.request.get(`/recall-status${pathOf(y)}`);
  expect(await recall.json()).toMatchObject({
    isRecalled: true,
    recalledLot: { gtin: GTIN, lotCode: h.lotCode },
  });
  const linkset = await page.request.get(`${pathOf(y)}?linkType=gs1:recallStatus`);
  expect(await linkset.json()).toMatchObject({ recallStatus: "recalled" });
  await page.goto(`/01/${GTIN}`);
  for (const lot of [h, x, y]) await expect(banner).toContainText(lot.lotCode);
});

test.describe("without JavaScript, on a 360 px phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("a package's journey and proof are all there, without sideways scrolling", async ({
    browser,
    page,
    db,
    lotCode,
  }) => {
    const { serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 4 });
    await shipToCarrier(browser, lotCode);
    await page.goto(`/01/${GTIN}/10/${lotCode}/21/${serials[3]}`);
    await expectJourney(page);
    await expect(page.getByTestId("package-proof")).toContainText("✓ this package is one of the 4");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
