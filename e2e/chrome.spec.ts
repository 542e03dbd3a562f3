import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, signIn, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { seedRecallLots } from "./fixtures/recall";

// Issue 15's chrome: one page width for header and content, recall tables that become cards on a
// phone, a landing page for shoppers, "forgot password", icons, and "New lot" below Harvest.

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

async function both(page: Page, name: string, outputPath: (file: string) => string) {
  for (const [size, viewport] of [
    ["360", PHONE],
    ["1280", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: outputPath(`${name}-${size}.png`), fullPage: true });
  }
}

test("the staff header and the page share one width; New lot is smaller than Harvest", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/lots");
  const header = await page.getByRole("link", { name: "LotLedger" }).boundingBox();
  const heading = await page.getByRole("heading", { name: /Lots held by/ }).boundingBox();
  // Both start at the same left edge of a 72rem (1152 px) column centred in 1280 px.
  expect(Math.round(header?.x ?? 0)).toBe(Math.round(heading?.x ?? -1));
  expect(Math.round(heading?.x ?? 0)).toBe((1280 - 1152) / 2 + 16);
  const newLot = await page.getByRole("link", { name: "New lot" }).boundingBox();
  const harvest = await page
    .getByRole("navigation", { name: "Record" })
    .getByRole("link", { name: "Harvest" })
    .boundingBox();
  expect((newLot?.height ?? 99) * (newLot?.width ?? 99)).toBeLessThan(
    (harvest?.height ?? 0) * (harvest?.width ?? 0),
  );
  await both(page, "staff-lots", testInfo.outputPath.bind(testInfo));
});

test("at 360 px a recall's tables are cards: every value visible with its label, no sideways scroll", async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { h } = seedRecallLots(`CH-${Date.now().toString(36).slice(-4).toUpperCase()}`);
  await page.setViewportSize(PHONE);
  await signIn(page, "farm@lotledger.demo");
  await page.goto(`/recalls/lots/${h.id}/new?reason=Listeria%20in%20a%20sample&severity=CLASS_I`);
  const table = page.getByRole("table", { name: "Affected lots" });
  await expect(table).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const label of ["Lot", "GTIN", "Quantity", "Held by", "Status"]) {
    const cell = table.locator(`td[data-label="${label}"]`).first();
    await expect(cell).toBeVisible();
    // Within the phone's width: nothing reached only by scrolling sideways.
    const box = await cell.boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(360);
    const before = await cell.evaluate((td) => getComputedStyle(td, "::before").content);
    expect(before).toBe(`"${label}"`);
  }
  await expect(table.locator('td[data-label="GTIN"]').first()).toHaveText(GTIN);
  await both(page, "recall-scope", testInfo.outputPath.bind(testInfo));
});

test("a shopper checks a lot from the landing page; the icons are served", async ({
  page,
  request,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.goto("/");
  const check = page.getByRole("region", { name: "Check a product or recall" });
  await expect(check).toBeVisible();
  await expect(page.getByRole("link", { name: "Staff sign in" })).toBeVisible();
  await both(page, "landing", testInfo.outputPath.bind(testInfo));
  await check.getByLabel("GTIN").fill(GTIN);
  await check.getByLabel("Lot code").fill("NO-SUCH-LOT");
  await check.getByRole("button", { name: "Check this lot" }).click();
  await expect(page).toHaveURL(new RegExp(`/01/${GTIN}/10/NO-SUCH-LOT`));

  await page.goto("/sign-in");
  await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveCount(1);
  for (const [path, type] of [
    ["/icon.svg", "image/svg+xml"],
    ["/icon-192.png", "image/png"],
    ["/icon-512.png", "image/png"],
    ["/apple-touch-icon.png", "image/png"],
    ["/favicon.ico", "image/"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
});

test("forgot password: one sentence for every address, a one-time link, the new password signs in", async ({
  page,
  db,
}, testInfo) => {
  const email = "carrier-viewer@lotledger.demo";
  await page.setViewportSize(PHONE);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await both(page, "forgot-password", testInfo.outputPath.bind(testInfo));
  // The form is React's: typed into before hydration, the value can be lost.
  await page.waitForLoadState("networkidle");

  // An address with no account gets the very same answer.
  await page.getByLabel("Email").fill("nobody-here@lotledger.demo");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  const unknown = await page.getByTestId("reset-sent").textContent();
  await page.goto("/sign-in/forgot-password");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByTestId("reset-sent")).toHaveText(unknown ?? "");
  await expect(page.getByTestId("reset-sent")).toContainText("If that address belongs");

  // The link the email carries (the stack has no SMTP here: the token is read where Better Auth keeps it).
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const verification = await db.verification.findFirstOrThrow({
    where: { value: user.id, identifier: { startsWith: "reset-password:" } },
    orderBy: { createdAt: "desc" },
  });
  const token = verification.identifier.slice("reset-password:".length);
  const setPassword = async (password: string) => {
    await page.goto(`/sign-in/reset-password?token=${token}`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("New password").fill(password);
    await page.getByRole("button", { name: "Save the new password" }).click();
  };
  await setPassword("a-new-password-15");
  await expect(page.getByRole("status")).toContainText("Your new password is saved");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-new-password-15");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole("button", { name: "Sign out" }).click();

  // The link works once.
  await setPassword("another-password-15");
  await expect(page.getByTestId("form-error")).toContainText("expired or was used already");

  // The demo password back, through the same flow, for the other tests.
  await page.goto("/sign-in/forgot-password");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByTestId("reset-sent")).toBeVisible();
  const again = await db.verification.findFirstOrThrow({
    where: { value: user.id, identifier: { startsWith: "reset-password:" } },
    orderBy: { createdAt: "desc" },
  });
  await page.goto(
    `/sign-in/reset-password?${new URLSearchParams({ token: again.identifier.slice(15) })}`,
  );
  await page.getByLabel("New password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your new password is saved");
});
