import type { Page } from "@playwright/test";
import type { Db } from "@/lib/db/client";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { expect, signIn, test } from "./fixtures/index";

// Issue 15: the products and recalls lists search, filter and page by 20 on a phone, as the lots
// list does; each screen also photographed on a desktop.

test.use({ viewport: { width: 360, height: 740 } });

const items = (page: Page, list: string) =>
  page.getByRole("list", { name: list, exact: true }).getByRole("listitem");

async function organizationOf(db: Db, email: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return user.organizationId as string;
}

async function photograph(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-360.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: test.info().outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
}

test("the products list searches, sorts and pages by 20 on a phone", async ({
  page,
  db,
  lotCode,
}) => {
  const organizationId = await organizationOf(db, "farm@lotledger.demo");
  const base = 20_000 + (Date.now() % 70_000);
  const gtins = Array.from({ length: 22 }, (_, i) => {
    const body = `09506000${String(base + i).padStart(5, "0")}`.slice(0, 13);
    return `${body}${gs1CheckDigit(body)}`;
  });
  await db.product.createMany({
    data: gtins.map((gtin, i) => ({
      gtin,
      organizationId,
      name: `Kale ${lotCode} ${String(21 - i).padStart(2, "0")}`,
      brand: "Green Valley",
      commodity: "Kale",
    })),
  });
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/products");
  await page.getByRole("searchbox", { name: "Search products" }).fill(lotCode.toLowerCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(items(page, "Products")).toHaveCount(20);
  // By name: 00 leads, which is the last GTIN made.
  await expect(items(page, "Products").first()).toContainText(`Kale ${lotCode} 00`);
  const first = await items(page, "Products").allTextContents();
  await photograph(page, "products");
  await page.getByRole("link", { name: "Next 20 products" }).click();
  await expect(items(page, "Products")).toHaveCount(2);
  const second = await items(page, "Products").allTextContents();
  const seen = [...first, ...second].map((text) => text.match(/\d{14}/)?.[0]);
  expect(new Set(seen)).toEqual(new Set(gtins));

  // By GTIN, the search kept: the first GTIN made leads.
  await page.getByRole("link", { name: "First page" }).click();
  await page.getByText("Filter and sort").click();
  await page.getByLabel("Sort").selectOption("gtin");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(items(page, "Products").first()).toContainText(gtins[0] as string);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
});

test("the recalls list filters by state and class, searches reasons and pages by 20", async ({
  page,
  db,
  lotCode,
}) => {
  const organizationId = await organizationOf(db, "store@lotledger.demo");
  const user = await db.user.findUniqueOrThrow({ where: { email: "store@lotledger.demo" } });
  // Closed recalls (nothing left for anyone to do, so no other page is crowded by them).
  for (let i = 0; i < 22; i++) {
    const write = await db.ledgerTransaction.create({
      data: {
        organizationId,
        method: "recall",
        args: [],
        status: "CONFIRMED",
        signerAddress: "0x0",
      },
    });
    await db.recall.create({
      data: {
        lotId: `0x${lotCode}${i}`,
        gtin: "09506000134352",
        lotCode: `${lotCode}-${String(i).padStart(2, "0")}`,
        reason: `Listeria in sample ${lotCode}`,
        severity: i === 0 ? "CLASS_I" : "CLASS_II",
        initiatedById: user.id,
        initiatedByOrganizationId: organizationId,
        ledgerTransactionId: write.id,
        payloadHash: "0x0",
        closedAt: new Date(),
      },
    });
  }
  await signIn(page, "store@lotledger.demo");
  await page.goto("/recalls");
  await page.getByRole("searchbox", { name: "Search recalls" }).fill(`sample ${lotCode}`);
  // "Find": the lot search above the list has the page's Search button.
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(items(page, "Recalls")).toHaveCount(20);
  // Newest first: the last recorded leads.
  await expect(items(page, "Recalls").first()).toContainText(`${lotCode}-21`);
  const first = await items(page, "Recalls").allTextContents();
  await photograph(page, "recalls");
  await page.getByRole("link", { name: "Next 20 recalls" }).click();
  await expect(items(page, "Recalls")).toHaveCount(2);
  const second = await items(page, "Recalls").allTextContents();
  const seen = [...first, ...second].map(
    (text) => text.match(new RegExp(`${lotCode}-\\d\\d`))?.[0],
  );
  expect(new Set(seen).size).toBe(22);

  // Class I among them: one; open ones: none (all are closed).
  await page.getByRole("link", { name: "First page" }).click();
  await page.getByText("Filter and sort").click();
  await page.getByLabel("Class").selectOption("CLASS_I");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(items(page, "Recalls")).toHaveCount(1);
  await expect(items(page, "Recalls").first()).toContainText(`Class I recall of lot ${lotCode}-00`);
  await page.getByLabel("State").selectOption("open");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No recalls match this search.")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
});
