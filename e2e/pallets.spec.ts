import { spawnSync } from "node:child_process";
import type { Browser, Page } from "@playwright/test";
import { expect, expectOnLedger, signIn, test } from "./fixtures";
import { launchWithFakeCameraFrame } from "./fixtures/fake-camera";

// Issue 17, Must 1, on phones: the farm builds a pallet of three lots of two products, prints its
// logistic label and ships it with a second pallet in ONE ledger transaction; ColdRoute's camera
// reads the pallet's GS1-128 SSCC and accepts the whole pallet in ONE transaction, then delivers it;
// FreshMart receives it and takes it apart; a consumer's package page names the pallet and shipment.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
type Lot = { id: string; lotCode: string; gtin: string };

test.use({ viewport: PHONE });

function palletLots(prefix: string): Lot[] {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/pallet-lots.ts", prefix],
    { encoding: "utf8", timeout: 180_000, env: process.env },
  );
  if (result.status !== 0) throw new Error(`pallet-lots failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The camera frame of a pallet label's GS1-128 SSCC, read back in Node first (labels' fixture). */
function ssccFrame(sscc: string) {
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/sscc-camera-frame.ts", sscc],
    { encoding: "utf8", timeout: 60_000, maxBuffer: 4 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`sscc-camera-frame failed: ${result.stderr}`);
  return {
    grey: new Uint8ClampedArray(Buffer.from(result.stdout, "base64")),
    width: 640,
    height: 480,
  };
}

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Builds a pallet of these lots on the builder; its SSCC, once the packing is on the ledger. */
async function buildPallet(farm: Page, lots: Lot[], button: string): Promise<string> {
  await farm.goto("/units/new");
  for (const lot of lots) await farm.getByLabel(`Lot ${lot.lotCode}`).check();
  await farm.getByRole("button", { name: button }).click();
  await expect(farm).toHaveURL(/\/units\/\d{18}\?/);
  await expectOnLedger(farm);
  return (/\/units\/(\d{18})/.exec(farm.url()) as RegExpExecArray)[1] as string;
}

/** Chooses the first option of the select `label` that names `text`. */
async function choose(page: Page, label: string, text: string) {
  const select = page.getByLabel(label);
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value ?? "");
}

/** The shipment's reference, from its page's address. */
const referenceOf = (page: Page) =>
  (/\/shipments\/([\w-]+)\?/.exec(page.url()) as RegExpExecArray)[1] as string;

test("a pallet of three lots ships with a second in one transaction, is accepted whole from its label, taken apart, and named on the package page", async ({
  browser,
  db,
}, testInfo) => {
  test.setTimeout(420_000);
  const prefix = `PAL${Date.now().toString(36)}`.toUpperCase();
  const [r1, r2, h1, h2] = palletLots(prefix) as [Lot, Lot, Lot, Lot];
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true });

  // The farm: a pallet of three lots of two products (48 cases), a second of one lot.
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const sscc = await buildPallet(farm, [r1, r2, h1], "Build pallet (3 lots, 48 cases)");
  const second = await buildPallet(farm, [h2], "Build pallet (1 lot, 16 cases)");
  // Its GS1 logistic label: the SSCC under (00).
  await farm.goto(`/units/${sscc}/label`);
  await expect(farm.getByText(`(00)${sscc}`).first()).toBeVisible();

  // Both pallets leave in one shipment: one handoffBatch write.
  await farm.goto("/shipments/new");
  await farm.setViewportSize(DESKTOP);
  await shot(farm, "shipment-new-desktop.png");
  await farm.setViewportSize(PHONE);
  await farm.getByLabel(new RegExp(`SSCC ${sscc}`)).check();
  await farm.getByLabel(new RegExp(`SSCC ${second}`)).check();
  await choose(farm, "Ship to", "FreshMart");
  await choose(farm, "Carrier", "ColdRoute");
  await farm.getByLabel("Document number").fill(`BOL-${prefix}`);
  await shot(farm, "shipment-new-phone.png");
  await farm.getByRole("button", { name: "Ship 2 pallets" }).click();
  await expect(farm).toHaveURL(/\/shipments\/[\w-]+\?write=/);
  await expectOnLedger(farm);
  const reference = referenceOf(farm);
  // The page as it is once on the ledger (the status' own refresh may still be on its way).
  await farm.reload();
  await expect(farm.getByTestId("lot-state")).toHaveText(Array(4).fill("On its way"));
  await shot(farm, "shipment-phone.png");
  await farm.setViewportSize(DESKTOP);
  await shot(farm, "shipment-desktop.png");
  await farm.goto("/shipments");
  await shot(farm, "shipments-desktop.png");
  await farm.setViewportSize(PHONE);
  const shipped = await db.ledgerTransaction.findMany({
    where: { method: "handoffBatch", args: { path: ["0"], array_contains: [r1.id] } },
  });
  // The pallets' lots in the order packed (the builder's), the second pallet's last.
  expect(shipped.map((write) => (write.args as string[][])[0]?.toSorted())).toEqual([
    [r1.id, r2.id, h1.id, h2.id].toSorted(),
  ]);

  // ColdRoute's phone camera reads the pallet label's GS1-128 SSCC: the pallet opens with its button.
  const camera = await launchWithFakeCameraFrame(testInfo, ssccFrame(sscc));
  try {
    const context = await camera.newContext({
      baseURL: process.env.E2E_BASE_URL,
      viewport: PHONE,
      permissions: ["camera"],
    });
    const carrier = await context.newPage();
    await signIn(carrier, "carrier@lotledger.demo");
    await carrier.goto("/scan");
    await expect(carrier).toHaveURL(new RegExp(`/units/${sscc}$`));
    await shot(carrier, "unit-accept-phone.png");
    await carrier.getByRole("button", { name: "Accept this pallet (3 lots, 48 cases)" }).click();
    await expectOnLedger(carrier);
    await shot(carrier, "carrier-accepted.png");
    // One ledger transaction received the three lots of the pallet.
    const carrierOrg = await db.organization.findFirstOrThrow({
      where: { name: "ColdRoute Logistics" },
    });
    const answers = await db.ledgerTransaction.findMany({
      where: {
        organizationId: carrierOrg.id,
        method: { in: ["acceptShipment", "acceptBatch"] },
        args: { path: ["1"], array_contains: [r1.id] },
      },
    });
    expect(
      answers.map((write) => [write.method, ((write.args as string[][])[1] ?? []).toSorted()]),
    ).toEqual([["acceptBatch", [r1.id, r2.id, h1.id].toSorted()]]);
    // ColdRoute delivers the pallet to FreshMart, on the farm's bill of lading.
    await carrier.goto("/shipments/new");
    await carrier.getByLabel(new RegExp(`SSCC ${sscc}`)).check();
    await carrier
      .getByLabel("Ship to")
      .selectOption({ label: "FreshMart Supermarkets (retailer)" });
    await carrier.getByRole("button", { name: "Ship 1 pallet" }).click();
    await expectOnLedger(carrier);
    const delivery = referenceOf(carrier);
    await expect(carrier.getByTestId("shipment-document")).toHaveText(
      `Bill of lading BOL-${prefix}`,
    );

    // FreshMart accepts the delivery and takes the pallet apart.
    const store = await pageAs(browser, "store@lotledger.demo");
    await store.goto("/shipments");
    await shot(store, "shipments-phone.png");
    await store.goto(`/shipments/${delivery}`);
    await store.getByRole("button", { name: "Accept the whole shipment (1 pallet)" }).click();
    await expectOnLedger(store);
    // Read again: once (of five runs) the status turned before the page's own refresh had the lots.
    await store.reload();
    await expect(store.getByTestId("lot-state")).toHaveText(["Received", "Received", "Received"]);
    await store.goto(`/units/${sscc}`);
    await store.getByText("Take the pallet apart").click();
    await store.getByRole("button", { name: "Yes, take it apart" }).click();
    await expectOnLedger(store);
    await shot(store, "store-taken-apart.png");
  } finally {
    await camera.close();
  }

  // A consumer scans a case of romaine: its page names the pallet and the shipment it came in.
  const [package_] = await db.package.findMany({ where: { lotId: r1.id }, take: 1 });
  const consumer = await browser.newPage({ viewport: PHONE, baseURL: process.env.E2E_BASE_URL });
  await consumer.goto(`/01/${r1.gtin}/10/${r1.lotCode}/21/${package_?.serial}`);
  await expect(consumer.getByText(sscc).first()).toBeVisible();
  await expect(consumer.getByText(`BOL-${prefix}`).first()).toBeVisible();
  await shot(consumer, "consumer-package.png");
  expect(reference).toMatch(/^[\w-]{36}$/);
});

test("the shipments API ships and receives exactly once per Idempotency-Key, and refuses nothing chosen in one sentence", async ({
  browser,
  db,
  lotCode,
}) => {
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const store = await pageAs(browser, "store@lotledger.demo");
  const post = (page: Page, path: string, data: object, key?: string) =>
    page.request.post(path, {
      data,
      headers: {
        origin: new URL(page.url()).origin,
        ...(key ? { "idempotency-key": key } : {}),
      },
    });
  const created = await post(farm, "/api/lots", {
    gtin: "09506000134352",
    lotCode,
    quantity: "12",
    unit: "kg",
  });
  const { lotId } = await created.json();
  await expect.poll(() => db.lot.count({ where: { id: lotId } }), { timeout: 30_000 }).toBe(1);
  const freshMart = await db.organization.findFirstOrThrow({
    where: { name: "FreshMart Supermarkets" },
  });

  const nothing = await post(farm, "/api/shipments", { recipientGln: freshMart.gln });
  expect(nothing.status()).toBe(400);
  expect((await nothing.json()).error).toBe("Choose at least one pallet or lot to ship.");

  const key = crypto.randomUUID();
  const body = { recipientGln: freshMart.gln, lotIds: [lotId] };
  const first = await post(farm, "/api/shipments", body, key);
  const again = await post(farm, "/api/shipments", body, key);
  expect(first.status()).toBe(202);
  expect(again.status()).toBe(200);
  const shipped = await first.json();
  expect(shipped).toEqual({
    writeId: expect.any(String),
    reference: expect.stringMatching(/^[\w-]{36}$/),
    status: "PENDING",
  });
  expect(await again.json()).toEqual(shipped);
  expect(await db.ledgerTransaction.count({ where: { method: "handoffBatch", lotId } })).toBe(1);

  await expect
    .poll(() => db.lot.findUnique({ where: { id: lotId } }).then((lot) => lot?.status), {
      timeout: 30_000,
    })
    .toBe("IN_TRANSIT");
  const receipt = crypto.randomUUID();
  const path = `/api/shipments/${shipped.reference}/receipts`;
  const accepted = await post(store, path, { decision: "accept" }, receipt);
  const repeated = await post(store, path, { decision: "accept" }, receipt);
  expect([accepted.status(), repeated.status()]).toEqual([202, 200]);
  expect((await repeated.json()).writeId).toBe((await accepted.json()).writeId);
  expect(await db.ledgerTransaction.count({ where: { method: "acceptShipment", lotId } })).toBe(1);
});
