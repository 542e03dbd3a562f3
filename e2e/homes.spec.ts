import { spawnSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// Each role signs in and lands on its own home (/home), reads sections that are true for it — a
// carrier is never asked to record a lot — and reaches the action of an item in one tap. The farm
// has shipped one fresh harvest each to the packhouse, the carrier and the store, and ColdRoute has
// delivered a fourth to FreshMart (home-lots.ts).

type Lot = { id: string; lotCode: string };
let lots: Record<"packer" | "carrier" | "store" | "delivered", Lot>;

test.beforeAll(() => {
  const prefix = `HOME${Date.now().toString(36)}`.toUpperCase();
  const result = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "e2e/fixtures/home-lots.ts", prefix],
    { encoding: "utf8", timeout: 180_000, env: process.env },
  );
  if (result.status !== 0) throw new Error(`home-lots failed: ${result.stderr}`);
  lots = JSON.parse(result.stdout);
});

async function landHome(page: Page, email: string, name: string) {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByText(/Record your first lot|No lots yet/)).toHaveCount(0);
}

/** The incoming shipment's card says who sent what and when; one tap opens it at its action. */
async function tapIncoming(page: Page, listName: string, lot: Lot, verb: string) {
  const card = page
    .getByRole("list", { name: listName })
    .getByRole("link")
    .filter({ hasText: `Lot ${lot.lotCode}` });
  await expect(card).toContainText("From Green Valley Farm");
  await expect(card).toContainText("100 kg");
  await expect(card).toContainText(/Shipped \d+ \w{3} \d{4}, \d\d:\d\d P[SD]T/);
  await expect(card).toContainText(verb);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lot.id}$`));
  await expect(
    page.getByRole("button", { name: "Accept shipment from Green Valley Farm" }),
  ).toBeVisible();
}

test("a farm lands on today's lots with its record buttons", async ({ page }) => {
  await landHome(page, "farm@lotledger.demo", "Green Valley Farm");
  await expect(
    page.getByRole("navigation", { name: "Record" }).getByRole("link", { name: "Harvest" }),
  ).toBeVisible();
  const today = page.getByRole("list", { name: "Today's lots" });
  await expect(
    today.getByRole("link").filter({ hasText: `Lot ${lots.store.lotCode}` }),
  ).toBeVisible();
  await today
    .getByRole("link")
    .filter({ hasText: `Lot ${lots.store.lotCode}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lots.store.id}$`));
});

test("a packhouse reads who sent what and when, and receives in one tap", async ({ page }) => {
  await landHome(page, "packer@lotledger.demo", "Coastal Packhouse");
  await tapIncoming(page, "Incoming shipments", lots.packer, "Receive");
});

test("a processor's home offers what it records, and says truthfully what is empty", async ({
  page,
}) => {
  await landHome(page, "processor@lotledger.demo", "Sunrise Fresh-Cut Kitchen");
  await expect(
    page.getByRole("navigation", { name: "Record" }).getByRole("link", { name: "Transformation" }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /Incoming shipments/ })).toBeVisible();
});

test("a carrier sees what to pick up, in transit and delivered, and is never asked to record a lot", async ({
  page,
}) => {
  await landHome(page, "carrier@lotledger.demo", "ColdRoute Logistics");
  await expect(page.getByRole("navigation", { name: "Record" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /In transit/ })).toBeVisible();
  const delivered = page
    .getByRole("list", { name: "Delivered" })
    .getByRole("link")
    .filter({ hasText: `Lot ${lots.delivered.lotCode}` });
  await expect(delivered).toContainText("Accepted by FreshMart Supermarkets");
  await tapIncoming(page, "To pick up", lots.carrier, "Pick up");
});

test("a store sees its incoming shipments, recalls and stock by product", async ({ page }) => {
  await landHome(page, "store@lotledger.demo", "FreshMart Supermarkets");
  await expect(page.getByRole("heading", { name: /Recalls and holds/ })).toBeVisible();
  // The delivered lot is 100 kg of the farm's romaine (GTIN 09506000134352).
  await expect(page.getByRole("list", { name: "Stock by product" })).toContainText(
    /Romaine lettuce, field-packed|GTIN 09506000134352/,
  );
  await tapIncoming(page, "Incoming shipments", lots.store, "Receive");
});

test("a regulator searches every lot, runs an outbreak search and opens a trace in one tap", async ({
  page,
}) => {
  await landHome(page, "regulator@lotledger.demo", "State Food Safety Office");
  await page.getByRole("searchbox").fill(lots.packer.lotCode);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("list", { name: "Search results" })).toContainText(
    `Lot ${lots.packer.lotCode}`,
  );
  await page.getByLabel("Product (GTIN or name)").fill("09506000134352");
  await page
    .getByLabel("Place")
    .selectOption({ label: "Green Valley Farm, Field 7 (Green Valley Farm)" });
  await page.getByRole("button", { name: "Find lots" }).click();
  const found = page.getByRole("list", { name: "Lots found" });
  const card = found
    .getByRole("link")
    .filter({ hasText: `Lot ${lots.carrier.lotCode}` })
    .filter({ hasText: "Trace" });
  await expect(card).toBeVisible();
  await expect(
    found.getByRole("link", { name: `FSMA 204 spreadsheet of lot ${lots.carrier.lotCode}` }),
  ).toHaveAttribute("href", `/api/recalls/lots/${lots.carrier.id}/fsma.csv`);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`/recalls/lots/${lots.carrier.id}$`));
});
