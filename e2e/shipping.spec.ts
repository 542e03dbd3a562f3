import type { Browser, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, fillLotForm, formError, signIn, test } from "./fixtures";

const GTIN = "09506000134352";

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await signIn(page, email);
  return page;
}

async function shipToCarrier(page: Page, lotCode: string): Promise<void> {
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "300", unit: "case" });
  await expect(page).toHaveURL(/created=/);
  await expectOnLedger(page);
  await page.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
  await page.getByLabel("Ship to").selectOption({ label: "ColdRoute Logistics (carrier)" });
  await page.getByRole("button", { name: "Ship this lot" }).click();
  await page.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(page.getByTestId("custody")).toHaveText(
    "On its way from Green Valley Farm to ColdRoute Logistics · 300 case",
  );
}

test("a farm ships a lot and the carrier accepts it: custody moves, the trail shows both steps", async ({
  page,
  browser,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await shipToCarrier(page, lotCode);
  const trail = page.getByRole("list", { name: "Trail" }).getByRole("listitem");
  await expect(trail.nth(1)).toContainText("Shipped by Green Valley Farm to ColdRoute Logistics");
  await expect(trail.nth(1).getByTestId("verification")).toHaveText("✓ verified on the ledger");

  const carrier = await pageAs(browser, "carrier@lotledger.demo");
  // A carrier's home lists what shippers handed it as "To pick up" (components/home/carrier-home.tsx).
  const incoming = carrier.getByRole("list", { name: "To pick up" });
  await incoming.getByRole("link", { name: `Lot ${lotCode}` }).click();
  await carrier.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
  await expect(carrier.getByTestId("custody")).toHaveText("Held · ColdRoute Logistics · 300 case");
  await expect(
    carrier.getByRole("list", { name: "Trail" }).getByRole("listitem").nth(2),
  ).toContainText("Received by ColdRoute Logistics");
  await carrier.close();
});

test("a carrier rejects a shipment with a reason, and the lot goes back to the farm", async ({
  page,
  browser,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await shipToCarrier(page, lotCode);
  const carrier = await pageAs(browser, "carrier@lotledger.demo");
  await carrier.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
  await carrier.getByText("Reject it instead").click();
  await carrier.getByRole("button", { name: "Reject shipment" }).click();
  await expect(formError(carrier)).toHaveText(
    "Say why the lot is rejected, e.g. “temperature too high on arrival”.",
  );
  await carrier.getByLabel("Why is it rejected?").fill("Pallet arrived at 11 °C");
  await carrier.getByRole("button", { name: "Reject shipment" }).click();
  await expect(carrier.getByTestId("custody")).toHaveText("Held · Green Valley Farm · 300 case");
  await carrier.close();
});

test("a store cannot receive, nor even see, a lot shipped to someone else", async ({
  page,
  browser,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await shipToCarrier(page, lotCode);
  const store = await pageAs(browser, "store@lotledger.demo");
  const response = await store.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
  expect(response?.status()).toBe(404);
  await expect(store.getByTestId("custody")).toHaveCount(0);
  await expect(store.getByRole("button", { name: /Accept shipment/ })).toHaveCount(0);
  await store.close();
});
