import type { Browser } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, formError, signIn, test } from "./fixtures/index";
import { GTIN, shipToCarrier } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

const baseURL = process.env.E2E_BASE_URL;
const PHONE = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

/**
 * A logger's export: one reading a second from `since`, when the carrier had the lot (readings from
 * before the shipment to it are refused).
 */
function loggerCsv(temperatures: string[], since: number): string {
  const lines = temperatures.map(
    (t, i) => `${new Date(since + (i + 1) * 1000).toISOString()},${t},TRUCK-7`,
  );
  return `time,celsius,sensor\n${lines.join("\n")}\n`;
}

async function phoneAs(browser: Browser, email: string) {
  const page = await (await browser.newContext({ baseURL, ...PHONE })).newPage();
  await signIn(page, email);
  return page;
}

test("the carrier uploads a logger's CSV on a phone; a signed-out consumer sees the range verified, without JavaScript", async ({
  browser,
  db,
  lotCode,
}) => {
  const { serials } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 2 });
  await shipToCarrier(browser, lotCode);
  const shipped = Date.now();
  const consumer = await browser.newContext({ baseURL, ...PHONE, javaScriptEnabled: false });
  const packagePage = await consumer.newPage();
  const path = `/01/${GTIN}/10/${lotCode}/21/${serials[0]}`;
  // Opened once before the upload, so the page is in the web process's cache.
  await packagePage.goto(path);
  await expect(packagePage.getByRole("heading", { name: "Cold chain" })).toHaveCount(0);

  const carrier = await phoneAs(browser, "carrier@lotledger.demo");
  await carrier.goto(`/lots/${lotIdOf(GTIN, lotCode)}`);
  const record = carrier.getByRole("link", { name: "Record temperature readings" });
  await record.click();
  await expect(carrier.getByRole("heading", { name: "Temperature readings" })).toBeVisible();
  await carrier.getByLabel("Or paste the readings").fill(loggerCsv(["3.1", "warm"], shipped));
  await carrier.getByRole("button", { name: "Record readings on the ledger" }).click();
  await expect(formError(carrier)).toHaveText(
    "Line 3: temperature 'warm' is not a number in °C: write it like 3.5 or -18.",
  );
  expect(await db.temperatureReading.count({ where: { lotId: lotIdOf(GTIN, lotCode) } })).toBe(0);
  for (const target of [
    carrier.getByLabel("CSV file from the logger"),
    carrier.getByRole("button", { name: "Record readings on the ledger" }),
  ]) {
    expect((await target.boundingBox())?.height).toBeGreaterThanOrEqual(48);
  }
  expect(await carrier.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    360,
  );

  await carrier.getByLabel("Or paste the readings").fill("");
  await carrier.getByLabel("CSV file from the logger").setInputFiles({
    name: "truck-7.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(loggerCsv(["2.5", "1.2", "3.9", "3.1"], shipped)),
  });
  await carrier.getByRole("button", { name: "Record readings on the ledger" }).click();
  await expect(carrier).toHaveURL(new RegExp(`/lots/${lotIdOf(GTIN, lotCode)}\\?write=\\w+$`));
  await expectOnLedger(carrier);
  await expect(carrier.getByTestId("cold-chain-batch")).toContainText(
    "Kept between 1.2 and 3.9 °C (range 0–5 °C)",
  );
  await expect(carrier.getByTestId("cold-chain-batch")).toContainText("✓ verified on the ledger");

  await packagePage.reload();
  const batch = packagePage.getByTestId("cold-chain-batch");
  await expect(batch.getByTestId("temperature-range")).toHaveText(
    "Kept between 1.2 and 3.9 °C (range 0–5 °C)",
  );
  await expect(batch).toContainText("4 readings from");
  await expect(batch).toContainText("recorded by ColdRoute Logistics");
  await expect(batch.getByTestId("cold-chain-verification")).toHaveText("✓ verified on the ledger");
  await expect(batch).toContainText(/block \d+ · tx 0x[0-9a-f]{64}/);
  await expect(
    batch.getByRole("img", {
      name: /^Temperature from .* between 1\.2 and 3\.9 °C, 4 readings; storage range 0 to 5 °C$/,
    }),
  ).toBeVisible();
  expect(await packagePage.locator("script").count()).toBe(0);
  expect(
    await packagePage.evaluate(() => document.documentElement.scrollWidth),
  ).toBeLessThanOrEqual(360);
  const trail = await consumer.request.get(`${path}?linkType=gs1:traceability`);
  expect((await trail.json()).coldChain).toMatchObject([
    { count: 4, minCelsius: 1.2, maxCelsius: 3.9, isVerified: true },
  ]);

  // A logger posts to the API with the carrier's session: same rules, same sentences.
  const api = `/api/lots/${lotIdOf(GTIN, lotCode)}/readings`;
  // From the carrier's own origin, as a session's write must come.
  const headers = { origin: new URL(carrier.url()).origin };
  const future = await carrier.request.post(api, {
    headers,
    data: { readings: [{ time: "2999-01-01T00:00:00Z", celsius: 3 }] },
  });
  expect(future.status()).toBe(400);
  expect((await future.json()).error).toBe(
    "Reading 1: time 2999-01-01T00:00:00.000Z is in the future: check the logger's clock.",
  );
  const posted = await carrier.request.post(api, {
    headers,
    data: { readings: [{ time: new Date(Date.now() - 1000).toISOString(), celsius: 2.2 }] },
  });
  expect(posted.status()).toBe(202);
  expect(await posted.json()).toMatchObject({ count: 1, merkleRoot: expect.stringMatching(/^0x/) });
  await carrier.context().close();
  await consumer.close();
});
