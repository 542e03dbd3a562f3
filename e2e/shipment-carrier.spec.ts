import type { Browser, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";

// A shipment as FSMA 204 defines it: the farm ships to the store (the immediate subsequent
// recipient) on its own bill of lading; ColdRoute carries it (custody on the ledger) and delivers it
// to the store the shipment names; the store receives it against the same bill of lading; the FSMA
// spreadsheet names the store as recipient, the farm as source and ColdRoute as transporter.

const GTIN = "09506000134352";
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function pageAs(
  browser: Browser,
  email: string,
  viewport: typeof PHONE = PHONE,
): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a farm ships to a store via a carrier on its own bill of lading; the carrier delivers; the store receives and sees the number", async ({
  browser,
  lotCode,
}, testInfo) => {
  test.setTimeout(180_000);
  const lotPath = `/lots/${lotIdOf(GTIN, lotCode)}`;
  const billOfLading = `BOL ${lotCode}`;
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: testInfo.outputPath(name), fullPage: true });

  // The farm, on a phone: the store is the destination, ColdRoute the carrier, its own BOL number.
  const farm = await pageAs(browser, "farm@lotledger.demo");
  await fillLotForm(farm, { gtin: GTIN, lotCode, quantity: "6", unit: "case" });
  await expect(farm).toHaveURL(/created=/);
  await expectOnLedger(farm);
  await farm.goto(lotPath);
  await farm.getByLabel("Ship to").selectOption({ label: "FreshMart Supermarkets (retailer)" });
  await farm.getByLabel("Carrier", { exact: true }).selectOption({ label: "ColdRoute Logistics" });
  await farm.getByLabel("Document type").selectOption("bol");
  await farm.getByLabel("Document number").fill(billOfLading);
  await shot(farm, "ship-form-360.png");
  await farm.getByRole("button", { name: "Ship this lot" }).click();
  await farm.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(farm.getByTestId("custody")).toHaveText(
    "On its way from Green Valley Farm to ColdRoute Logistics · 6 case",
  );
  const shipment = farm.getByRole("region", { name: "Shipment" });
  await expect(shipment.getByTestId("shipment-document")).toHaveText(billOfLading);
  await expect(shipment.getByTestId("shipment-recipient")).toHaveText(
    "FreshMart Supermarkets, FreshMart Store 112",
  );
  await expect(shipment.getByTestId("shipment-carrier")).toHaveText("ColdRoute Logistics");
  await shot(farm, "shipped-360.png");

  // The farm's office, at a desk: the same shipment form and summary at 1280 × 800.
  const office = await pageAs(browser, "farm@lotledger.demo", DESKTOP);
  await office.goto(lotPath);
  await expect(office.getByTestId("shipment-document")).toHaveText(billOfLading);
  await shot(office, "shipped-1280.png");

  // The carrier picks it up against the farm's bill of lading, then delivers it to the store.
  const carrier = await pageAs(browser, "carrier@lotledger.demo");
  await carrier.goto(lotPath);
  await expect(carrier.getByTestId("receiving-document")).toHaveText(
    `Check the paperwork: bill of lading ${billOfLading}`,
  );
  await carrier.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
  await expect(carrier.getByTestId("custody")).toHaveText("Held · ColdRoute Logistics · 6 case");
  await expect(carrier.getByLabel("Deliver to")).toHaveValue(/^\d{13}$/);
  await expect(carrier.getByLabel("Deliver to").locator("option:checked")).toHaveText(
    "FreshMart Supermarkets (retailer)",
  );
  await expect(carrier.getByLabel("Carrier", { exact: true })).toHaveCount(0);
  await shot(carrier, "deliver-form-360.png");
  await carrier.getByRole("button", { name: "Deliver this lot" }).click();
  await carrier.getByRole("button", { name: "Confirm delivery" }).click();
  await expect(carrier.getByTestId("custody")).toHaveText(
    "On its way from ColdRoute Logistics to FreshMart Supermarkets · 6 case",
  );

  // The store receives it and reads the farm's bill of lading on its receiving screen.
  const store = await pageAs(browser, "store@lotledger.demo");
  await store.goto(lotPath);
  await expect(store.getByTestId("receiving-document")).toHaveText(
    `Check the paperwork: bill of lading ${billOfLading}`,
  );
  await shot(store, "receive-360.png");
  const storeDesk = await pageAs(browser, "store@lotledger.demo", DESKTOP);
  await storeDesk.goto(lotPath);
  await expect(storeDesk.getByTestId("receiving-document")).toContainText(billOfLading);
  await shot(storeDesk, "receive-1280.png");
  await store.getByRole("button", { name: "Accept shipment from ColdRoute Logistics" }).click();
  await expect(store.getByTestId("custody")).toHaveText("Held · FreshMart Supermarkets · 6 case");
  const last = store.getByRole("region", { name: "Last shipment" });
  await expect(last.getByTestId("shipment-document")).toHaveText(billOfLading);
  await expect(last.getByTestId("shipment-carrier")).toHaveText("ColdRoute Logistics");

  // The FSMA 204 spreadsheet: the store is the farm's recipient, the farm the store's source.
  const csv = await (
    await store.request.get(`/api/recalls/lots/${lotIdOf(GTIN, lotCode)}/fsma.csv`)
  ).text();
  const lines = csv.split("\r\n");
  const shipping = lines.find((line) => line.includes(",Shipping,")) ?? "";
  // The store's receipt: the last one (the lot's registration was a receipt at the farm).
  const receiving = lines.filter((line) => line.includes(",Receiving,")).at(-1) ?? "";
  expect(shipping).toContain('"FreshMart Supermarkets — FreshMart Store 112, 300 Market St');
  expect(shipping).toContain('"ColdRoute Logistics — ColdRoute Depot, 8 Freight Ave');
  expect(shipping).toContain(billOfLading);
  expect(receiving).toContain('"Green Valley Farm — Field 7, 1200 River Rd, Salinas, CA 93901, US');
  expect(receiving).toContain(billOfLading);
  for (const page of [farm, office, carrier, store, storeDesk]) await page.context().close();
});
