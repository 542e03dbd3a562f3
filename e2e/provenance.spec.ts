import type { Browser, Page } from "@playwright/test";
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { PNG } from "pngjs";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, fillLotForm, signIn, test } from "./fixtures";

const GTIN = "09506000134352";
const baseURL = process.env.E2E_BASE_URL;

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signIn(page, email);
  return page;
}

/** The farm registers the lot and ships it to the carrier; the carrier accepts it. */
async function recordJourney(browser: Browser, lotCode: string, options = { ship: true }) {
  const farm = await pageAs(browser, "farm@lotledger.demo");
  await fillLotForm(farm, { gtin: GTIN, lotCode, quantity: "300", unit: "case" });
  await expect(farm).toHaveURL(/created=/);
  if (options.ship) {
    await farm.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
    await farm.getByLabel("Ship to").selectOption({ label: "ColdRoute Logistics (carrier)" });
    await farm.getByRole("button", { name: "Ship this lot" }).click();
    await expect(farm.getByTestId("custody")).toHaveText(/^On its way/);
    const carrier = await pageAs(browser, "carrier@lotledger.demo");
    await carrier.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
    await carrier.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
    await expect(carrier.getByTestId("custody")).toHaveText(
      "Held · ColdRoute Logistics · 300 case",
    );
    await carrier.context().close();
  }
  await farm.context().close();
}

/** What zxing (the scan page's reader) reads from a label PNG, enlarged on white until it reads. */
function decodeQrPng(png: Buffer): string {
  const image = PNG.sync.read(png);
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  for (const factor of [1, 2, 3]) {
    const border = 40;
    const width = image.width * factor + 2 * border;
    const height = image.height * factor + 2 * border;
    const luminance = new Uint8ClampedArray(width * height).fill(255);
    for (let y = 0; y < image.height * factor; y++) {
      for (let x = 0; x < image.width * factor; x++) {
        const i = (Math.floor(y / factor) * image.width + Math.floor(x / factor)) * 4;
        const [r = 0, g = 0, b = 0, a = 255] = image.data.subarray(i, i + 4);
        luminance[(y + border) * width + x + border] =
          a === 0 ? 255 : (r * 299 + g * 587 + b * 114) / 1000;
      }
    }
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)),
    );
    try {
      return new MultiFormatReader().decode(bitmap, hints).getText();
    } catch {
      // try a larger copy
    }
  }
  throw new Error("zxing could not read the label's QR code");
}

async function expectJourney(page: Page) {
  const steps = page.getByRole("list", { name: "Journey" }).getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText("Registered by Green Valley Farm");
  await expect(steps.nth(1)).toContainText("Shipped by Green Valley Farm to ColdRoute Logistics");
  await expect(steps.nth(2)).toContainText("Received by ColdRoute Logistics");
  for (const index of [0, 1, 2]) {
    await expect(steps.nth(index).getByTestId("verification")).toHaveText(
      "✓ verified on the ledger",
    );
    await expect(steps.nth(index)).toContainText(/block \d+ · tx 0x[0-9a-f]{64}/);
  }
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
  await expect(page.getByRole("heading", { name: `Lot ${lotCode}` })).toBeVisible();
  await expect(page.getByTestId("origin")).toContainText("Green Valley Farm");
  await expect(page.getByRole("img", { name: /Map of the journey/ })).toBeVisible();
  await expectJourney(page);
  await expect(page.getByRole("alert").filter({ hasText: "Recalled" })).toHaveCount(0);
  await consumer.close();
});

test("the resolver answers machines with an RFC 9264 linkset and JSON links", async ({
  browser,
  request,
  lotCode,
}) => {
  await recordJourney(browser, lotCode, { ship: false });
  const path = `/01/${GTIN}/10/${lotCode}`;
  for (const response of [
    await request.get(`${path}?linkType=linkset`),
    await request.get(path, { headers: { accept: "application/linkset+json" } }),
  ]) {
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/linkset+json");
    const [links] = (await response.json()).linkset;
    expect(links.anchor).toMatch(new RegExp(`^https?://[^/]+${path}$`));
    for (const type of ["pip", "traceability", "recallStatus"]) {
      expect(links[`https://gs1.org/voc/${type}`][0].href).toMatch(/^https?:\/\//);
    }
  }
  const trail = await request.get(`/traceability${path}`);
  expect((await trail.json()).events[0]).toMatchObject({ isVerified: true });
  const recall = await request.get(`/recall-status${path}`);
  expect(await recall.json()).toMatchObject({ isRecalled: false, recallStatus: "not recalled" });
});

test("a malformed Digital Link gets 400 with the reason; an unknown lot gets 404", async ({
  page,
}) => {
  const bad = await page.goto(`/01/09506000134353/10/ABC`);
  expect(bad?.status()).toBe(400);
  await expect(page.getByTestId("invalid-reason")).toContainText("check digit");
  const unknown = await page.goto(`/01/${GTIN}/10/NOLOT${Date.now().toString(36)}`);
  expect(unknown?.status()).toBe(404);
  await expect(page.getByText(/LotLedger has no record of/)).toBeVisible();
});

test("a change to the lot shows on the next visit, and a recalled lot leads with the red banner", async ({
  browser,
  page,
  db,
  lotCode,
}) => {
  await recordJourney(browser, lotCode, { ship: false });
  const path = `/01/${GTIN}/10/${lotCode}`;
  await page.goto(path);
  await expect(page.getByRole("list", { name: "Journey" }).getByRole("listitem")).toHaveCount(1);
  // No recall action exists yet: the indexer's effect on the read model is written directly.
  await db.lot.update({ where: { id: lotIdOf(GTIN, lotCode) }, data: { status: "RECALLED" } });
  await page.waitForTimeout(1_500); // a quiet spell: the cached page may be old, the live one answers
  await page.goto(path);
  const banner = page.getByRole("alert").filter({ hasText: "Recalled" });
  await expect(banner).toContainText(
    "Do not eat this product. Return it to the store or throw it away.",
  );
  const recall = await page.request.get(`/recall-status${path}`);
  expect(await recall.json()).toMatchObject({ isRecalled: true, recallStatus: "recalled" });
});

test.describe("without JavaScript, on a 360 px phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("the journey is all there, without sideways scrolling", async ({
    browser,
    page,
    lotCode,
  }) => {
    await recordJourney(browser, lotCode);
    await page.goto(`/01/${GTIN}/10/${lotCode}/21/PKG1`);
    await expectJourney(page);
    await expect(page.getByTestId("serial-note")).toContainText(
      "does not track packages one by one",
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
  });
});
