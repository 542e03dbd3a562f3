import { lotIdOf } from "@/lib/chain/lot-id";
import { gs1CheckDigit } from "@/lib/gs1/keys";
import { expect, expectOnLedger, formError, signIn, test } from "./fixtures";

// Issue 14: the farm keeps its products — adds one, imports a CSV file (a bad line refused by its
// number, nothing written until the file is right) — and then harvests by picking the product as it
// types part of its name, the GTIN, commodity and variety filled from it.

/** A GTIN-14 under a demo producer's company prefix (7 digits), with its check digit. */
function gtinOf(prefix: string, item: number): string {
  const body = `0${prefix}${String(item).padStart(5, "0")}`;
  return `${body}${gs1CheckDigit(body)}`;
}

test("the farm adds a product, imports a CSV with one bad line, and harvests it by name", async ({
  browser,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const item = Date.now() % 90_000;
  const own = gtinOf("9506000", 10_000 + item);
  const imported1 = gtinOf("9506000", 10_001 + item);
  const imported2 = gtinOf("9506000", 10_002 + item);
  // The packer's prefix: not the farm's to describe.
  const foreign = gtinOf("9506001", 10_000 + item);
  const name = `Butter lettuce ${lotCode}`;

  await signIn(page, "farm@lotledger.demo");
  await page.getByRole("link", { name: "Products" }).click();
  await page.getByRole("link", { name: "Add a product" }).click();
  await expect(page.getByRole("heading", { name: "Add a product" })).toBeVisible();
  await page.getByLabel("GTIN").fill(own);
  await page.getByLabel(/^Name/).fill(name);
  await page.getByLabel("Brand (optional)").fill("Green Valley");
  await page.getByLabel("Commodity (optional)").fill("Lettuce");
  await page.getByLabel("Variety (optional)").fill("Butterhead");
  await page.getByLabel("Unit").selectOption("kg");
  await page.getByLabel("Lowest").fill("0");
  await page.getByLabel("Highest").fill("4");
  await page.getByRole("button", { name: "Add product" }).click();
  await expect(page).toHaveURL(new RegExp(`/products\\?saved=${own}$`));
  const products = page.getByRole("list", { name: "Products" });
  await page.goto(`/products?q=${lotCode}`);
  await expect(products.getByRole("link", { name })).toBeVisible();

  // A file with one line of another brand's GTIN: refused by its line number, nothing imported.
  const csv = (lines: string[]) => ({
    name: "products.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(["gtin,name,brand,commodity,variety,unit", ...lines].join("\n")),
  });
  const good = [
    `${imported1},Oak leaf lettuce ${lotCode},Green Valley,Lettuce,Oak leaf,kg`,
    `${imported2},"Little gem, 2 pack ${lotCode}",Green Valley,Lettuce,Little gem,case`,
  ];
  const file = page.getByLabel(/^CSV file/);
  await file.setInputFiles(csv([...good, `${foreign},Someone else's salad,Coastal,Lettuce,,kg`]));
  await page.getByRole("button", { name: "Import products" }).click();
  await expect(formError(page)).toContainText(
    `Line 4: the GTIN ${foreign} is not within your company prefixes (9506000)`,
  );
  await expect(products.getByText(`Oak leaf lettuce ${lotCode}`)).toHaveCount(0);

  await file.setInputFiles(csv(good));
  await page.getByRole("button", { name: "Import products" }).click();
  await expect(page.getByText("Imported 2 new products and updated 0.")).toBeVisible();
  // The list is paged by 20 and other tests add products: find these two by their lot code.
  await page.goto(`/products?q=${lotCode}`);
  await expect(products.getByRole("link", { name: `Oak leaf lettuce ${lotCode}` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("products-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath("products-360.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // The harvest picks the product by part of its name; its GTIN, commodity and variety follow.
  await page.goto("/events/harvesting");
  const picker = page.getByRole("combobox", { name: /GTIN/ });
  await picker.fill(`butter lettuce ${lotCode.toLowerCase()}`);
  const option = page.getByRole("option", { name: new RegExp(name) });
  await expect(option).toBeVisible();
  // The field and its label at the top of the phone's screen, so the list under it is in the picture.
  await picker.evaluate((field) => window.scrollBy(0, field.getBoundingClientRect().top - 48));
  await page.screenshot({ path: testInfo.outputPath("harvest-picker-360.png") });
  await option.click();
  await expect(picker).toHaveValue(own);
  await expect(page.getByTestId("chosen-product")).toHaveText(`Green Valley ${name} · GTIN ${own}`);
  await expect(page.getByLabel("Commodity")).toHaveValue("Lettuce");
  await expect(page.getByLabel("Variety")).toHaveValue("Butterhead");
  await page.getByLabel("Field or growing area").fill("Field 7, north block");
  await page.getByLabel("New lot code").fill(lotCode);
  await page.getByLabel("Quantity", { exact: true }).fill("250");
  await page.getByLabel("Goes next to").selectOption({ label: "Green Valley Farm, Field 7" });
  await page.getByLabel("Document number").fill("HL-2026-204");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("harvest-1280.png"), fullPage: true });
  await page.getByRole("button", { name: "Record harvest" }).click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lotIdOf(own, lotCode)}\\?write=\\w+$`));
  await expectOnLedger(page);
  await expect(
    page.getByRole("heading", { name: `Green Valley ${name} Lot ${lotCode}` }),
  ).toBeVisible();

  // The lots list names it too.
  await page.goto("/lots");
  const card = page.getByRole("listitem").filter({ hasText: `Lot ${lotCode}` });
  await expect(card.getByTestId("product")).toHaveText(`Green Valley ${name}`);
  await context.close();
});

test("with JavaScript off, typing the GTIN still records the harvest", async ({
  browser,
  lotCode,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("farm@lotledger.demo");
  await page.getByLabel("Password").fill("lotledger-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto("/events/harvesting");
  const gtin = "09506000134352";
  await page.getByLabel("Commodity").fill("Lettuce");
  await page.getByLabel("Variety").fill("Romaine");
  await page.getByLabel("Field or growing area").fill("Field 7");
  await page.getByRole("combobox", { name: /GTIN/ }).fill(gtin);
  await page.getByLabel("New lot code").fill(lotCode);
  await page.getByLabel("Quantity", { exact: true }).fill("100");
  await page.getByLabel("Goes next to").selectOption({ label: "Green Valley Farm, Field 7" });
  await page.getByLabel("Document number").fill("HL-NOJS");
  await page.getByRole("button", { name: "Record harvest" }).click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lotIdOf(gtin, lotCode)}\\?write=\\w+$`));
  // Answered at once: the page says where the write stands, and a plain link asks again.
  await expect(page.getByTestId("ledger-write-status")).toHaveText(
    /^(Saved · waiting for the ledger|On the ledger ✓)$/,
  );
  await expectOnLedger(page);
  await expect(page.getByTestId("custody")).toContainText("Green Valley Farm");
  await context.close();
});
