import type { Browser, Page } from "@playwright/test";
import { expect, expectOnLedger, signIn, test } from "./fixtures";
import { seedRecallLots } from "./fixtures/recall";

// Issue 14, finding 3 replayed: after FreshMart's Class I recall of a batch, the farm that grew and
// packed it read "No recalls concern your organisation" and its harvest said only "Used up". Now the
// farm sees the recall, its harvest flagged as the source, and extends the recall to it.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const REASON = "Listeria monocytogenes in a retained sample";

test.use({ viewport: DESKTOP });

async function pageAt(browser: Browser, baseURL: string | undefined, viewport = DESKTOP) {
  return (await browser.newContext({ baseURL, viewport })).newPage();
}

/** The same page on a phone, screenshotted, with nothing wider than the screen. */
async function onPhone(browser: Browser, baseURL: string | undefined, email: string, url: string) {
  const phone: Page = await pageAt(browser, baseURL, PHONE);
  await signIn(phone, email);
  await phone.goto(url);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
  return phone;
}

test("after a retailer's Class I recall the farm sees it with its source lots flagged and extends it", async ({
  page,
  browser,
  baseURL,
  lotCode,
}, testInfo) => {
  test.setTimeout(240_000);
  // Green Valley Farm harvested H and packed it into X (at FreshMart) and Y (kept at the farm).
  const { h, x } = seedRecallLots(lotCode);
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: testInfo.outputPath(name), fullPage: true });

  // FreshMart's quality manager reviews a Class I recall of X: the confirmation says what happens.
  await signIn(page, "store@lotledger.demo");
  await page.goto(`/recalls/lots/${x.id}/new`);
  await page.getByLabel("Reason").fill(REASON);
  await page.getByLabel(/^Class I —/).check();
  await page.getByRole("button", { name: "Review the scope" }).click();
  const consequences = page.getByTestId("confirm-consequences");
  await expect(consequences).toContainText("notifies 2 organisations");
  await expect(consequences).toContainText("Green Valley Farm (held affected stock)");
  await expect(consequences).toContainText("FreshMart Supermarkets (holds affected stock)");
  const confirm = page.getByRole("button", { name: `Confirm the recall of lot ${x.lotCode}` });
  await expect(confirm).toHaveClass(/bg-red-700/);
  await shot(page, "recall-confirm-1280.png");
  const review = page.url();
  await shot(
    await onPhone(browser, baseURL, "store@lotledger.demo", review),
    "recall-confirm-360.png",
  );
  await confirm.click();
  await expectOnLedger(page);
  await expect(page.getByTestId("ledger-state")).toHaveText("Recorded on the ledger.");
  const recallUrl = page.url();

  // The farm's admin: the recall concerns the farm, and its harvest H is flagged as the source.
  const farm = await pageAt(browser, baseURL);
  await signIn(farm, "farm@lotledger.demo");
  await expect(farm.getByRole("alert", { name: "Recalls to acknowledge" })).toContainText(
    `Class I recall: lot ${x.lotCode}. Green Valley Farm held affected stock.`,
  );
  await farm.goto("/recalls");
  const listed = farm
    .getByRole("list", { name: "Recalls" })
    .getByRole("listitem")
    .filter({
      hasText: `Class I recall of lot ${x.lotCode}`,
    });
  await expect(listed).toBeVisible();
  await expect(farm.getByText("No recalls concern your organisation.")).toHaveCount(0);
  await listed.getByRole("link").click();
  const sources = farm.getByRole("list", { name: "Source lots" });
  await expect(sources.getByTestId("source-lot")).toHaveCount(1);
  await expect(sources).toContainText(h.lotCode);
  await expect(sources).toContainText("source of a recalled lot");
  await expect(sources).toContainText("not recalled");
  await shot(farm, "recall-source-1280.png");
  await shot(
    await onPhone(browser, baseURL, "farm@lotledger.demo", recallUrl),
    "recall-source-360.png",
  );
  // Its harvest's own page says so too.
  await farm.goto(`/lots/${h.id}`);
  await expect(farm.getByRole("status", { name: "Source of a recalled lot" })).toContainText(
    `Lot ${x.lotCode}, made from lot ${h.lotCode}, is recalled.`,
  );
  await shot(farm, "lot-source-of-recall-1280.png");

  // One step extends the recall to H: a linked recall with its own scope and ledger write.
  await farm.goto(recallUrl);
  await farm.getByRole("button", { name: `Extend the recall to lot ${h.lotCode}` }).click();
  // A second look before the recall is recorded: which lots, which class, why.
  await expect(farm.getByTestId("extend-summary")).toContainText(
    `Class I recall of lot ${h.lotCode}`,
  );
  await farm.getByRole("button", { name: "Yes, record these recalls" }).click();
  await expect(
    farm.getByRole("heading", { name: `Class I recall of lot ${h.lotCode}` }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expectOnLedger(farm);
  await expect(farm.getByTestId("ledger-state")).toHaveText("Recorded on the ledger.");
  await expect(farm.getByTestId("linked-from")).toContainText(`recall of lot ${x.lotCode}`);
  await shot(farm, "recall-linked-1280.png");
  // Linked both ways: the store's recall names its extension, and the farm's source is recalled.
  await page.goto(recallUrl);
  await expect(page.getByTestId("extended-to")).toContainText(`recall of lot ${h.lotCode}`);
  await farm.goto(recallUrl);
  await expect(farm.getByRole("list", { name: "Source lots" })).toContainText(
    "Recalled too: follow its recall",
  );
  await expect(farm.getByRole("form", { name: "Extend the recall" })).toHaveCount(0);

  // Back at the store: it reports its 50 kg destroyed, 100 % accounted for, and the recall closes.
  await page.goto(recallUrl);
  const form = page.getByRole("form", { name: `What became of lot ${x.lotCode}` });
  await form.getByLabel("Destroyed (kg)").fill("50");
  await form.getByRole("button", { name: `Report for lot ${x.lotCode}` }).click();
  await expect(page.getByTestId("recall-percent")).toHaveText("100 %", { timeout: 20_000 });
  await expect(page.getByTestId("recall-quantities")).toHaveText("50 of 50 kg accounted for.");
  await shot(page, "recall-effectiveness-1280.png");
  // Staff who are not admins are offered no "Lift"; the admin may only ask, for Class I.
  await expect(
    page.getByRole("button", { name: `Ask to lift the recall of lot ${x.lotCode}` }),
  ).toBeVisible();
  const staff = await onPhone(browser, baseURL, "store-staff@lotledger.demo", recallUrl);
  await expect(staff.getByRole("form", { name: "Lift this recall" })).toHaveCount(0);
  await shot(staff, "recall-effectiveness-360.png");
});
