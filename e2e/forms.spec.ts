import type { Locator, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, signIn, test } from "./fixtures";

const PRODUCE_GTIN = "09506000134352";

/** What an empty harvest form leaves out, in the order of the form, and the sentence at each. */
const MISSING = [
  ["Commodity", "Fill in “Commodity”."],
  ["Variety", "Fill in “Variety”."],
  ["Field or growing area", "Fill in “Field or growing area”."],
  ["Product (GTIN)", "Choose the product, or type its GTIN after (01)."],
  ["New lot code", "Enter a lot code, the batch number after (10) on the label."],
  ["Quantity", "Enter the quantity, such as 120 or 12.5."],
  ["Goes next to", "Choose the immediate subsequent recipient from the list."],
  ["Document number", "Enter the reference document number."],
] as const;

/** Counts the server actions the page posts, to prove what the browser refused never left it. */
function countPosts(page: Page) {
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return posts;
}

test.use({ viewport: { width: 360, height: 740 } });

test("an empty harvest form submitted once shows every missing field at its field, focuses the summary, and the keyboard alone fixes it", async ({
  page,
  lotCode,
}, testInfo) => {
  test.setTimeout(90_000);
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/events/harvesting");
  const form = page.getByRole("form", { name: "Harvest" });
  // Lot codes are typed as printed: no capital from the phone, no autocorrect; a quantity gets digits.
  await expect(form.getByLabel("New lot code")).toHaveAttribute("autocapitalize", "off");
  await expect(form.getByLabel("Quantity", { exact: true })).toHaveAttribute(
    "inputmode",
    "decimal",
  );

  const posts = countPosts(page);
  await form.getByRole("button", { name: "Record harvest" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary.getByRole("heading")).toHaveText(
    `Nothing was recorded: ${MISSING.length} things to fix`,
  );
  const links = summary.getByRole("link");
  await expect(links).toHaveText(MISSING.map(([, message]) => message));
  for (const [index, [label, message]] of MISSING.entries()) {
    const field = form.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(`^Error: ${escapeRegExp(message)}`));
    await expect(form.getByTestId("field-error").filter({ hasText: message })).toBeVisible();
    await expect(links.nth(index)).toHaveAttribute("href", `#${await field.getAttribute("id")}`);
  }
  // The browser's own checks refused it: nothing went to the server.
  expect(posts).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("harvest-refused-360.png") });

  // From the summary: Tab to the first link, Enter puts the focus in its field.
  await page.keyboard.press("Tab");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form.getByLabel("Commodity")).toBeFocused();
  await expect(form.getByLabel("Commodity")).toBeInViewport();

  // Then typing and Tab only, in the order of the form (a date field has a Tab stop per part).
  await page.keyboard.type("Lettuce");
  await tabTo(page, form.getByLabel("Variety"));
  await page.keyboard.type("Romaine");
  await tabTo(page, form.getByLabel("Field or growing area"));
  await page.keyboard.type("Field 7, north block");
  await tabTo(page, form.getByLabel("Product (GTIN)")); // past the harvest date, today already
  await page.keyboard.type(PRODUCE_GTIN);
  await page.keyboard.press("Escape");
  await tabTo(page, form.getByLabel("New lot code"));
  await page.keyboard.type(lotCode);
  await tabTo(page, form.getByLabel("Quantity", { exact: true }));
  await page.keyboard.type("500");
  await tabTo(page, form.getByLabel("Goes next to")); // past the unit, kg already
  await page.keyboard.type("Green Valley Farm, Field 7");
  await expect(form.getByLabel("Goes next to")).not.toHaveValue("");
  await tabTo(page, form.getByLabel("Document number")); // past the type, harvest log already
  await page.keyboard.type("HL-2026-118");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(new RegExp(`/lots/${lotIdOf(PRODUCE_GTIN, lotCode)}\\?write=\\w+$`));
  // Answered at once, then on the ledger by itself once the indexer has it: the lot's page fills in.
  const status = page.getByRole("status").filter({ has: page.getByTestId("ledger-write-status") });
  await expect(status.getByTestId("ledger-write-status")).toHaveText("On the ledger ✓");
  await expect(status).toContainText(`Lot ${lotCode} is recorded.`);
  await expect(page.getByTestId("custody")).toContainText("Green Valley Farm");
  await page.screenshot({ path: testInfo.outputPath("harvest-recorded-360.png") });
});

// The server checks everything again, all at once too: proven by switching the browser's checks
// off from the test (form.noValidate), as a browser without them or a crafted request would.
test("the server reports every missing field at once, at its field, and keeps what was typed", async ({
  page,
}, testInfo) => {
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/events/harvesting");
  const form = page.getByRole("form", { name: "Harvest" });
  await form.getByLabel("Variety").fill("Romaine");
  await form.getByLabel("New lot code").fill("abc-1");
  await form.evaluate((element: HTMLFormElement) => {
    element.noValidate = true;
  });
  const posts = countPosts(page);
  await form.getByRole("button", { name: "Record harvest" }).click();

  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  expect(posts.length).toBe(1);
  const server = [
    ["Commodity", "Enter the commodity."],
    ["Field or growing area", "Enter the field or growing area."],
    ["Product (GTIN)", "Enter the GTIN, the 14-digit product number after (01) on the label."],
    ["Quantity", "Enter the quantity, such as 120 or 12.5."],
    ["Goes next to", "Choose the immediate subsequent recipient from the list."],
    ["Document number", "Enter the reference document number."],
  ] as const;
  // Listed in the order of the form, as the client's checks list them, not the server's schema's.
  await expect(summary.getByRole("link")).toHaveText(server.map(([, message]) => message));
  for (const [label, message] of server) {
    const field = form.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(`^Error: ${escapeRegExp(message)}`));
    await expect(summary.getByRole("link", { name: message })).toBeVisible();
  }
  await expect(form.getByLabel("Variety")).not.toHaveAttribute("aria-invalid");
  // What was typed is still there, exactly (a lower-case lot code stays lower-case).
  await expect(form.getByLabel("Variety")).toHaveValue("Romaine");
  await expect(form.getByLabel("New lot code")).toHaveValue("abc-1");
  await page.screenshot({ path: testInfo.outputPath("harvest-server-refused-360.png") });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("harvest-server-refused-1280.png") });
});

/** Presses Tab until `target` has the focus, as a keyboard user moves on (a few stops at most). */
async function tabTo(page: Page, target: Locator) {
  for (let stop = 0; stop < 6; stop++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
