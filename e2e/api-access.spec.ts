import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, signIn, test } from "./fixtures";
import { GTIN } from "./fixtures/journey";

// Issue 13, finding 8: a write on the session cookie must come from LotLedger's own pages; machine
// clients use an organisation's API key instead, made and revoked by its admins. Finding 11: the
// readings upload is refused by role before it is read, and by size.

const CROSS_SITE =
  "A signed-in session is accepted from LotLedger's own pages only: send this request from them, or with an API key (Authorization: Bearer …) that an admin creates on the organisation page.";

test("a signed-in session's write from another site, or as a form would send it, is refused", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  const own = new URL(page.url()).origin;
  const lot = { gtin: GTIN, lotCode, quantity: "10", unit: "kg" };
  // This lot's writes only: other specs write at the same time.
  const ofLot = { lotId: lotIdOf(GTIN, lotCode) };
  const writes = await db.ledgerTransaction.count({ where: ofLot });

  const fromElsewhere = await page.request.post("/api/lots", {
    data: lot,
    headers: { origin: "https://evil.example" },
  });
  expect(fromElsewhere.status()).toBe(403);
  expect(await fromElsewhere.json()).toEqual({ code: "FORBIDDEN", error: CROSS_SITE });

  const noOrigin = await page.request.post("/api/lots", { data: lot });
  expect(noOrigin.status()).toBe(403);

  const asForm = await page.request.post("/api/lots", {
    headers: { origin: own, "content-type": "text/plain" },
    data: JSON.stringify(lot),
  });
  expect(asForm.status()).toBe(415);
  expect((await asForm.json()).error).toBe(
    "Send the request body as application/json, with that Content-Type.",
  );
  expect(await db.ledgerTransaction.count({ where: ofLot })).toBe(writes);

  // From the app's own origin it goes through.
  const own202 = await page.request.post("/api/lots", { data: lot, headers: { origin: own } });
  expect(own202.status()).toBe(202);
});

test("an admin makes an API key on the organisation page, a client uses it, the admin revokes it", async ({
  browser,
  playwright,
  baseURL,
  lotCode,
}, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/organization");
  const section = page.getByRole("region", { name: "API keys" });
  const name = `ERP ${lotCode}`;
  await section.getByRole("textbox", { name: /^Key name/ }).fill(name);
  await section
    .getByRole("checkbox", { name: "record lots, events, shipments and readings" })
    .check();
  await section.getByRole("button", { name: "Create API key" }).click();
  await expect(section.getByRole("status")).toContainText(`The key “${name}”, shown only now`);
  const key = await section.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^llk_/);
  await page.screenshot({ path: testInfo.outputPath("api-keys-1280.png"), fullPage: true });

  // A machine client: no cookie, no Origin, just the key.
  const client = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  const created = await client.post("/api/lots", {
    data: { gtin: GTIN, lotCode, quantity: "10", unit: "kg" },
  });
  expect(created.status()).toBe(202);
  expect((await created.json()).lotId).toBe(lotIdOf(GTIN, lotCode));
  const recall = await client.post("/api/recalls", {
    data: { lotId: lotIdOf(GTIN, lotCode), reason: "Listeria", severity: "CLASS_I" },
  });
  expect(recall.status()).toBe(403);
  expect((await recall.json()).error).toBe(
    `The API key “${name}” may not start, acknowledge and lift recalls: an admin can create a key that may, on the organisation page.`,
  );

  // The list shows it without the key; the admin revokes it and the next request is refused.
  await page.reload();
  const listed = section
    .getByRole("list", { name: "API keys" })
    .getByRole("listitem")
    .filter({ hasText: name });
  await expect(listed).toContainText(key.slice(0, 12));
  await expect(listed).not.toContainText(key.slice(12));
  await expect(listed).toContainText("last used");
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: testInfo.outputPath("api-keys-360.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await listed.getByText(`Revoke ${name}…`).click();
  await listed.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(listed).toContainText("Revoked on");
  const afterRevoke = await client.get("/api/recalls");
  expect(afterRevoke.status()).toBe(401);
  await client.dispose();
  await context.close();
});

test("the API keys section is for admins only", async ({ page }) => {
  await signIn(page, "farm-staff@lotledger.demo");
  await page.goto("/organization");
  await expect(page.getByRole("heading", { name: "Green Valley Farm", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "API keys" })).toHaveCount(0);
});

test("a logger's upload is refused by role before it is read, and by size", async ({
  browser,
  lotCode,
}) => {
  const api = `/api/lots/${lotIdOf(GTIN, lotCode)}/readings`;
  const viewer = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await signIn(viewer, "carrier-viewer@lotledger.demo");
  const origin = new URL(viewer.url()).origin;
  // Not even a CSV: a read-only account hears that it is read-only, not what is wrong with the file.
  const readOnly = await viewer.request.post(api, {
    headers: { origin, "content-type": "text/csv" },
    data: "not,a,logger,file\n",
  });
  expect(readOnly.status()).toBe(403);
  expect((await readOnly.json()).error).toBe(
    "Your account is read-only: ask a colleague with staff access to record temperature readings.",
  );
  const carrier = await (await browser.newContext({ baseURL: process.env.E2E_BASE_URL })).newPage();
  await signIn(carrier, "carrier@lotledger.demo");
  const line = "2026-11-24T06:00:00Z,3.5\n";
  const tooLarge = await carrier.request.post(api, {
    headers: { origin, "content-type": "text/csv" },
    data: `time,celsius\n${line.repeat(Math.ceil(2_100_000 / line.length))}`,
  });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error).toBe(
    "The upload is larger than 2 MB: send at most 10,000 readings at a time, in several uploads.",
  );
  await viewer.context().close();
  await carrier.context().close();
});
