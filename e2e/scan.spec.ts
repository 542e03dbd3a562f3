import { spawnSync } from "node:child_process";
import { lotIdOf } from "@/lib/chain/lot-id";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { expect, expectOnLedger, fillLotForm, formError, signIn, test } from "./fixtures";
import { launchWithFakeCamera, renderQrPng } from "./fixtures/fake-camera";

const GTIN = "09506000134352";
const FARM = "farm@lotledger.demo";
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

/** The label's Digital Link, pointing at this LotLedger as its resolver. */
const labelOf = (stem: string, lotCode: string) =>
  buildDigitalLink({ stem, ais: { "01": GTIN, "10": lotCode } });
const lotPage = (lotCode: string) => new RegExp(`/lots/${lotIdOf(GTIN, lotCode)}$`);

test("typing a Digital Link of a lot the farm holds opens that lot", async ({
  page,
  baseURL,
  lotCode,
}) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "40" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  await page.getByRole("link", { name: "Scan", exact: true }).click();
  await page.getByLabel("Type the code").fill(labelOf(baseURL as string, lotCode));
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(page).toHaveURL(lotPage(lotCode));
});

test("an unknown lot is named in one sentence, and the typed code stays to correct", async ({
  page,
  baseURL,
  lotCode,
}) => {
  await signIn(page, FARM);
  await page.goto("/scan");
  const label = labelOf(baseURL as string, lotCode); // never recorded
  await page.getByLabel("Type the code").fill(label);
  await page.getByRole("button", { name: "Look up" }).click();
  await expect(formError(page)).toHaveText(
    `No lot ${lotCode} of GTIN ${GTIN} is on LotLedger for your organisation: check the label, or record the lot first.`,
  );
  await expect(page).toHaveURL(/\/scan$/);
  await expect(page.getByLabel("Type the code")).toHaveValue(label);
});

test("a photo of the label opens the lot", async ({ page, baseURL, lotCode }) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "3" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  await page.goto("/scan");
  await page.getByLabel("Take / upload a photo").setInputFiles({
    name: "label.png",
    mimeType: "image/png",
    buffer: renderQrPng(labelOf(baseURL as string, lotCode)),
  });
  await expect(page).toHaveURL(lotPage(lotCode));
});

/** A phone's JPEG of one of the app's labels, degraded (bench/scan/degraded-labels.ts). */
function labelPhoto(symbology: string, degradation: string, ais: Record<string, string>): Buffer {
  const result = spawnSync(
    process.execPath,
    [
      ...["--conditions=react-server", "--import", "tsx", "e2e/fixtures/photograph-label.ts"],
      ...[symbology, degradation, JSON.stringify(ais)],
    ],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`photograph-label failed: ${result.stderr}`);
  return Buffer.from(result.stdout, "base64");
}

test("a 12-MP phone photo of a small case label is read by zxing-cpp from our own origin", async ({
  page,
  lotCode,
}) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "3" });
  await expect(page).toHaveURL(/created=/);
  await page.goto("/scan");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  const wasm = page.waitForResponse((response) =>
    response.url().endsWith("/decoders/zxing-reader.wasm"),
  );
  // A GS1-128 on a darker surface: zxing-js's Code 128 reader finds no start pattern there, so
  // only the WebAssembly reader opens this lot.
  await page.getByLabel("Take / upload a photo").setInputFiles({
    name: "case-label.jpg",
    mimeType: "image/jpeg",
    buffer: labelPhoto("gs1-128", "12-mp", { "01": GTIN, "10": lotCode }),
  });
  expect((await wasm).headers()["content-type"]).toBe("application/wasm");
  await expect(page).toHaveURL(lotPage(lotCode), { timeout: 30_000 });
  expect(violations).toEqual([]);
});

test("a recalled lot fills the screen in red with its lot code", async ({
  page,
  db,
  baseURL,
  lotCode,
}, testInfo) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "8" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  // LotLedger has no recall form yet: the read model is set as the indexer sets it on LotRecalled.
  await db.lot.update({ where: { id: lotIdOf(GTIN, lotCode) }, data: { status: "RECALLED" } });
  await page.goto("/scan");
  await page.getByLabel("Type the code").fill(labelOf(baseURL as string, lotCode));
  await page.getByRole("button", { name: "Look up" }).click();
  const recall = page.getByRole("alertdialog");
  await expect(recall.getByRole("heading")).toHaveText("RECALLED — remove from shelf");
  await expect(recall.getByText(lotCode, { exact: true })).toBeVisible();
  await expect(recall.getByText(`GTIN ${GTIN}`)).toBeVisible();
  await expect(page).toHaveURL(/\/scan$/);
  await page.screenshot({ path: testInfo.outputPath("scan-recalled-360.png") });
  await recall.getByRole("button", { name: "Scan next" }).click();
  await expect(recall).toHaveCount(0);
});

for (const [error, sentence] of [
  [
    "NotAllowedError",
    "LotLedger may not use the camera (allow it in the browser's site settings), so take a photo of the label or type the code below.",
  ],
  [
    "NotFoundError",
    "This device has no camera LotLedger can use: take a photo of the label or type the code below.",
  ],
] as const) {
  test(`a camera refused with ${error} points to the photo and typing`, async ({ page }) => {
    // What the browser answers when permission is denied or there is no camera, on any machine.
    await page.addInitScript((name) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("", name));
    }, error);
    await signIn(page, FARM);
    await page.goto("/scan");
    await page.getByRole("button", { name: /^Scan/ }).click();
    await expect(formError(page)).toHaveText(sentence);
  });
}

test("the scan page fits a 360 px phone and its targets are thumb-sized", async ({
  page,
}, testInfo) => {
  await signIn(page, FARM);
  await page.goto("/scan");
  const targets = [
    page.getByRole("button", { name: /^Scan/ }),
    page.getByText("Take / upload a photo"),
    page.getByLabel("Type the code"),
    page.getByRole("button", { name: "Look up" }),
  ];
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(box?.width).toBeGreaterThanOrEqual(48);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.screenshot({ path: testInfo.outputPath("scan-360.png") });
});

test("the phone camera reads a lot's QR code and opens the lot", async ({
  page,
  baseURL,
  lotCode,
}, testInfo) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "12" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);

  // The video can only be made once the lot exists, so this test launches its own browser.
  const label = labelOf(baseURL as string, lotCode);
  const { browser, shows } = await launchWithFakeCamera(testInfo, label);
  try {
    const context = await browser.newContext({ baseURL, viewport: PHONE, permissions: ["camera"] });
    const phone = await context.newPage();
    await signIn(phone, FARM);
    // The page sends what the camera read to the server as a POST to /scan: the moment of decoding.
    const lookUp = phone.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/scan"));
    const start = Date.now();
    await phone.goto("/scan");
    const loaded = Date.now();
    // The camera is allowed, so the page opens it without a tap.
    await lookUp;
    const decoded = Date.now();
    await expect(phone).toHaveURL(lotPage(lotCode));
    const timing = `video: ${shows}; page loaded in ${loaded - start} ms, decoded ${decoded - loaded} ms later, lot page ${Date.now() - decoded} ms after that`;
    testInfo.annotations.push({ type: "fake camera", description: timing });
    console.log(timing);
  } finally {
    await browser.close();
  }
});
