import type { Browser, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";

// Issue 15, custody: a farm ships 60 of a 200 kg lot after reading back what it is about to record;
// a farm takes back a shipment nobody has received yet; a store counts what arrived, finds less than
// was shipped, and the receiving event on the ledger says so.

const GTIN = "09506000134352";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const STORE = "FreshMart Supermarkets (retailer)";

async function pageAs(browser: Browser, email: string, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The ledger write of a lot, once the chain has taken it. */
async function expectConfirmedWrite(db: Db, lotId: string, method: string): Promise<void> {
  const write = await db.ledgerTransaction.findFirst({
    where: { lotId, method },
    select: { status: true, txHash: true },
  });
  expect(write).toMatchObject({ status: "CONFIRMED", txHash: expect.stringMatching(/^0x/) });
}

async function newLot(page: Page, lotCode: string, quantity: string): Promise<string> {
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity, unit: "kg" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  const lotId = lotIdOf(GTIN, lotCode);
  await page.goto(`/lots/${lotId}`);
  return lotId;
}

test("a farm ships 60 of 200 kg after a confirmation: the part travels, the rest stays held", async ({
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const lotId = await newLot(farm, lotCode, "200");
  const product = (await farm.getByTestId("product").textContent())?.trim() ?? "";
  await farm.getByLabel("Ship to").selectOption({ label: STORE });
  await farm.getByLabel("Quantity to ship (kg)").fill("60");
  await farm.getByLabel("Document number").fill(`BOL ${lotCode}`);
  await farm.getByRole("button", { name: "Ship this lot" }).click();

  const confirmation = farm.getByTestId("ship-confirmation");
  await expect(confirmation).toContainText(`Product${product}`);
  await expect(confirmation).toContainText(`Lot${lotCode}`);
  await expect(confirmation).toContainText("Quantity60 kg of 200 kg");
  await expect(confirmation).toContainText(`Ship to${STORE}`);
  await expect(confirmation).toContainText(`Reference documentBill of lading BOL ${lotCode}`);
  await expect(farm.getByLabel("Ship to")).toBeHidden();
  await shot(farm, "ship-confirmation-360.png");
  await farm.setViewportSize(DESKTOP);
  await shot(farm, "ship-confirmation-1280.png");
  await farm.setViewportSize(PHONE);
  // Nothing is recorded before the confirmation.
  expect(await db.ledgerTransaction.count({ where: { lotId, method: "handoffPart" } })).toBe(0);
  await farm.getByRole("button", { name: "Confirm shipment" }).click();

  const part = lotIdOf(GTIN, `${lotCode}.P1`);
  await expect(farm).toHaveURL(new RegExp(`/lots/${part}\\?write=\\w+$`));
  await expectOnLedger(farm);
  await expect(farm.getByRole("heading", { level: 1 })).toContainText(`Lot ${lotCode}.P1`);
  await expect(farm.getByTestId("custody")).toHaveText(
    "On its way from Green Valley Farm to FreshMart Supermarkets · 60 kg",
  );
  await expect(farm.getByRole("button", { name: "Yes, cancel the shipment" })).toBeHidden();
  await expectConfirmedWrite(db, lotId, "handoffPart");
  await farm.goto(`/lots/${lotIdOf(GTIN, `${lotCode}.P2`)}`);
  await expect(farm.getByTestId("custody")).toHaveText("Held · Green Valley Farm · 140 kg");
  await farm.goto(`/lots/${lotId}`);
  await expect(farm.getByTestId("custody")).toHaveText("Used up · Green Valley Farm · 200 kg");
  await farm.context().close();
});

test("a farm cancels a shipment in transit, after a confirmation; the store can no longer receive it", async ({
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const lotId = await newLot(farm, lotCode, "50");
  await farm.getByLabel("Ship to").selectOption({ label: STORE });
  await farm.getByRole("button", { name: "Ship this lot" }).click();
  await expect(farm.getByTestId("ship-confirmation")).toContainText("Quantityall 50 kg");
  await farm.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(farm.getByTestId("custody")).toHaveText(/^On its way from Green Valley Farm/);

  await farm.getByText("Cancel this shipment").click();
  await expect(farm.getByText(`Lot ${lotCode} comes back to you`)).toBeVisible();
  await farm.screenshot({ path: testInfo.outputPath("cancel-360.png"), fullPage: true });
  await farm.getByLabel("Why? (optional)").fill("Truck cancelled");
  await farm.getByRole("button", { name: "Yes, cancel the shipment" }).click();
  await expect(farm.getByTestId("custody")).toHaveText("Held · Green Valley Farm · 50 kg");
  const trail = farm.getByRole("list", { name: "Trail" }).getByRole("listitem");
  await expect(trail.last()).toContainText(
    "Shipment to FreshMart Supermarkets cancelled by Green Valley Farm",
  );
  await expect(trail.last().getByTestId("verification")).toHaveText("✓ verified on the ledger");
  await expectConfirmedWrite(db, lotId, "cancelHandoff");

  const store = await pageAs(browser, "store@lotledger.demo");
  await store.goto(`/lots/${lotId}`);
  await expect(store.getByRole("button", { name: /Accept shipment/ })).toHaveCount(0);
  await store.context().close();
  await farm.context().close();
});

test("a store receives with a counted shortfall, condition and temperature; the receipt says so", async ({
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const lotId = await newLot(farm, lotCode, "80");
  await farm.getByLabel("Ship to").selectOption({ label: STORE });
  await farm.getByRole("button", { name: "Ship this lot" }).click();
  await farm.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(farm.getByTestId("custody")).toHaveText(/^On its way/);
  await farm.context().close();

  const store = await pageAs(browser, "store@lotledger.demo");
  await store.goto(`/lots/${lotId}`);
  await store.getByLabel("Counted quantity (kg)").fill("78");
  await store.getByLabel("Condition on arrival").selectOption({ label: "Damaged" });
  await store.getByLabel("Temperature on arrival (°C)").fill("6.5");
  await store.screenshot({ path: testInfo.outputPath("receive-360.png"), fullPage: true });
  await store.setViewportSize(DESKTOP);
  await store.screenshot({ path: testInfo.outputPath("receive-1280.png"), fullPage: true });
  await store.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
  await expect(store.getByTestId("custody")).toHaveText("Held · FreshMart Supermarkets · 80 kg");
  const trail = store.getByRole("list", { name: "Trail" }).getByRole("listitem");
  await expect(trail.last()).toContainText("Received by FreshMart Supermarkets");
  await expect(trail.last().getByTestId("verification")).toHaveText("✓ verified on the ledger");
  await expectConfirmedWrite(db, lotId, "acceptHandoff");

  const receipt = await db.ledgerEvent.findFirstOrThrow({
    where: { lotId, name: "LotHandoffAccepted" },
  });
  const payload = await db.eventPayload.findUniqueOrThrow({
    where: { hash: receipt.payloadHash ?? "" },
  });
  expect(payload.body).toMatchObject({
    bizStep: "receiving",
    disposition: "damaged",
    quantityList: [{ quantity: 78, uom: "KGM" }],
    kde: {
      quantityShipped: 80,
      quantityReceived: 78,
      quantityDiscrepancy: -2,
      condition: "damaged",
      temperatureOnArrival: 6.5,
    },
  });
  await store.context().close();
});

test("a ship form with a bad quantity and no recipient shows both at their fields at once, before and after the round trip", async ({
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const farm = await pageAs(browser, "farm@lotledger.demo");
  const lotId = await newLot(farm, lotCode, "200");
  const form = farm.locator("form", { has: farm.getByLabel("Ship to") });
  const recipient = form.getByLabel("Ship to");
  const quantity = form.getByLabel("Quantity to ship (kg)");
  const summary = form.getByTestId("error-summary");
  const expectBoth = async (quantityError: string) => {
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("listitem")).toHaveText([
      "Choose where the lot is shipped to.",
      quantityError,
    ]);
    await expect(recipient).toHaveAttribute("aria-invalid", "true");
    await expect(recipient).toHaveAccessibleDescription(/Choose where the lot is shipped to\./);
    await expect(quantity).toHaveAttribute("aria-invalid", "true");
    await expect(quantity).toHaveAccessibleDescription(new RegExp(literally(quantityError)));
    await expect(form.getByTestId("field-error")).toHaveCount(2);
  };
  await quantity.fill("sixty");
  await form.getByLabel("Document number").fill(`BOL ${lotCode}`);
  await form.getByRole("button", { name: "Ship this lot" }).click();
  // The browser's checks: no round trip, both fields at once.
  await expectBoth("Enter the quantity as a number with at most 3 decimals, such as 120 or 12.5.");
  await farm.screenshot({ path: testInfo.outputPath("ship-refused-360.png"), fullPage: true });
  await farm.setViewportSize(DESKTOP);
  await farm.screenshot({ path: testInfo.outputPath("ship-refused-1280.png"), fullPage: true });
  await farm.setViewportSize(PHONE);

  // The server's checks say the same for a client that skips the browser's (parseInput's issues).
  await form.evaluate((element: HTMLFormElement) => {
    element.noValidate = true;
  });
  await form.getByRole("button", { name: "Ship this lot" }).click();
  await form.getByRole("button", { name: "Confirm shipment" }).click();
  await expectBoth("“sixty” is not a number: enter the quantity, such as 120 or 12.5.");
  await expect(quantity).toHaveValue("sixty");
  await expect(form.getByLabel("Document number")).toHaveValue(`BOL ${lotCode}`);
  const shipped = { lotId, method: { in: ["handoff", "handoffPart"] } };
  expect(await db.ledgerTransaction.count({ where: shipped })).toBe(0);
  await farm.context().close();
});

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
