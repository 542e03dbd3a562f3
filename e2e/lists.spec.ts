import type { Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { queueSerialisedLot } from "@/tools/testing/serialised-lot";
import { expect, expectOnLedger, signIn, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

// The farm's lots on a phone: found by search, filtered, paged by 20, used-up lots out of the way
// until asked for, and a transformation's input lots picked by search instead of a long list.

test.use({ viewport: { width: 360, height: 740 } });

const rows = (page: Page) => page.getByRole("list", { name: "Lots" }).getByRole("listitem");

test("the lots list searches, filters and pages by 20 on a phone", async ({
  page,
  db,
  lotCode,
}) => {
  // 22 lots sharing one prefix: a search for it makes a full first page and a second of 2.
  const prefix = lotCode.slice(0, 14);
  const codes = Array.from({ length: 22 }, (_, i) => `${prefix}-${String(i).padStart(2, "0")}`);
  // Queued one after another (one database transaction each), then sent and indexed together.
  for (const code of codes) {
    await queueSerialisedLot(db, {
      gtin: GTIN,
      lotCode: code,
      count: 1,
      email: "farm@lotledger.demo",
    });
  }
  await expect
    .poll(() => db.lot.count({ where: { lotCode: { in: codes } } }), { timeout: 45_000 })
    .toBe(codes.length);
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/lots");

  await page.getByRole("searchbox", { name: "Search lots" }).fill(prefix.toLowerCase());
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix.toLowerCase()}`));
  await expect(rows(page)).toHaveCount(20);
  // Newest first: the last recorded lots lead, each row naming its product, quantity and since.
  const firstPage = await rows(page).allTextContents();
  expect(firstPage.every((text) => text.includes(prefix))).toBe(true);
  await expect(rows(page).first().getByTestId("since")).toContainText("since");
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  test
    .info()
    .annotations.push({ type: "page height at 360×740, 20 lots", description: `${pageHeight} px` });

  await page.getByRole("link", { name: "Next 20 lots" }).click();
  await expect(rows(page)).toHaveCount(2);
  const secondPage = await rows(page).allTextContents();
  const seen = [...firstPage, ...secondPage].map(
    (text) => text.match(new RegExp(`${prefix}-\\d\\d`))?.[0],
  );
  expect(new Set(seen)).toEqual(new Set(codes));
  await page.getByRole("link", { name: "First page" }).click();
  await expect(rows(page)).toHaveCount(20);

  // A filter keeps the search: sorted by lot code, the first is -00, the ledger details folded.
  await page.getByText("Filter and sort").click();
  await page.getByLabel("Sort").selectOption("lot");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows(page).first()).toContainText(`Lot ${codes[0]}`);
  await expect(rows(page).first().getByTestId("tx-hash")).toBeHidden();
  await rows(page).first().getByTestId("verification").click();
  await expect(rows(page).first().getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{64}$/);

  // Open, as a filter is on; a status none of them has finds nothing.
  await page.getByLabel("Status").selectOption("RECALLED");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No lots match this search.")).toBeVisible();
});

test("a transformation picks its input by search, and the used-up lot leaves the list until asked", async ({
  page,
  db,
  lotCode,
}) => {
  const input = `${lotCode.slice(0, 16)}-IN`;
  const output = `${lotCode.slice(0, 16)}-OUT`;
  await createSerialisedLot(db, { gtin: GTIN, lotCode: input, count: 2 });
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/events/transformation");

  const picker = page.getByTestId("lot-picker");
  await expect(picker.getByRole("checkbox")).not.toHaveCount(0);
  expect(await picker.getByRole("checkbox").count()).toBeLessThanOrEqual(8);
  await page.getByLabel("Product description").fill("Chopped romaine");
  await picker.getByRole("searchbox", { name: "Find a lot you hold" }).fill(input.toLowerCase());
  await picker.getByRole("searchbox", { name: "Find a lot you hold" }).press("Enter");
  await expect(picker.getByRole("checkbox")).toHaveCount(1);
  // The search kept what was typed.
  await expect(page.getByLabel("Product description")).toHaveValue("Chopped romaine");
  await picker.getByRole("checkbox", { name: new RegExp(`Lot ${input}`) }).check();

  await page.getByLabel("Product (GTIN)").fill(GTIN);
  await page.getByLabel("New lot code").fill(output);
  await page.getByLabel("Quantity").fill("2");
  await page.getByLabel("Unit").selectOption("case");
  await page.getByLabel("Document number").fill("PO-LISTS");
  await page.getByRole("button", { name: "Record transformation" }).click();
  await expect(page).toHaveURL(/\/lots\/0x[0-9a-f]{64}\?write=\w+$/, { timeout: 30_000 });
  await expectOnLedger(page);

  // The new lot links to what it was made from; that lot is used up and links back.
  await page
    .getByRole("navigation", { name: "Made from" })
    .getByRole("link", { name: `Lot ${input}` })
    .click();
  await expect(page).toHaveURL(new RegExp(lotIdOf(GTIN, input)));
  await expect(page.getByRole("navigation", { name: "Made into" })).toContainText(`Lot ${output}`);

  await page.goto(`/lots?q=${lotCode.slice(0, 16)}`);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(`Lot ${output}`);
  await page.getByText("Filter and sort").click();
  await page.getByLabel("Show used-up lots too").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(
    rows(page)
      .filter({ hasText: `Lot ${input}` })
      .getByText("used up"),
  ).toBeVisible();
});
