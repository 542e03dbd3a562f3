import type { Browser, Page } from "@playwright/test";
import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, formError, signIn, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

// Issue 14, finding 2, replayed as the farm and the store: a reading from before the lot existed is
// refused with its sentence; a 14.2 °C batch on romaine (0–5 °C) is an excursion with its duration,
// never "kept", and the store the lot is shipped to is told before it accepts it.

const baseURL = process.env.E2E_BASE_URL;
const SIZES = {
  phone: { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** One reading a minute: 5 at 3 °C, 47 warming to 14.2 °C and cooling, then 8 back at 3 °C. */
function warmTruckCsv(): string {
  const start = Date.now() - 90 * 60_000;
  const temperatures = Array.from({ length: 60 }, (_, i) =>
    i < 5 || i >= 52 ? 3 : Math.round((14.2 - Math.abs(i - 28) * 0.3) * 10) / 10,
  );
  const lines = temperatures.map(
    (t, i) => `${new Date(start + i * 60_000).toISOString()},${t},FARM-VAN-2`,
  );
  return `time,celsius,sensor\n${lines.join("\n")}\n`;
}

async function pageAs(browser: Browser, email: string, size: keyof typeof SIZES): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, ...SIZES[size] })).newPage();
  await signIn(page, email);
  return page;
}

test("a reading before the lot existed is refused; a 14.2 °C batch is an excursion the next recipient is told of", async ({
  browser,
  db,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  // Registered by the farm on 24 Nov 2026, 09:00 UTC (the fixture's event time).
  await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 2 });
  const lotId = lotIdOf(GTIN, lotCode);
  const farm = await pageAs(browser, "farm@lotledger.demo", "phone");
  await farm.goto(`/lots/${lotId}/readings`);
  await farm
    .getByLabel("Or paste the readings")
    .fill("time,celsius\n2026-11-20T06:00:00Z,3.1\n2026-11-24T10:00:00Z,3.4\n");
  await farm.getByRole("button", { name: "Record readings on the ledger" }).click();
  await expect(formError(farm)).toHaveText(
    `Line 2: the reading at 20 Nov 2026, 06:00 UTC is outside the time Green Valley Farm held lot ${lotCode} or it was on its way to or from Green Valley Farm (from 24 Nov 2026, 09:00 UTC until now); record only readings from that time.`,
  );
  expect(await db.temperatureReading.count({ where: { lotId } })).toBe(0);
  await farm.screenshot({ path: testInfo.outputPath("readings-refused-360.png"), fullPage: true });

  await farm.getByLabel("Or paste the readings").fill(warmTruckCsv());
  await farm.getByRole("button", { name: "Record readings on the ledger" }).click();
  await expect(farm).toHaveURL(new RegExp(`/lots/${lotId}\\?write=\\w+$`));
  await expectOnLedger(farm);
  const batch = farm.getByTestId("cold-chain-batch");
  await expect(batch.getByTestId("judgement")).toHaveText(
    "⚠ Outside its range for 47 min (max 14.2 °C)",
  );
  await expect(batch).not.toContainText("Kept");
  await expect(batch).toContainText("Storage range 0–5 °C, 30 min outside it allowed.");
  await expect(batch.getByTestId("storage-range-band")).toHaveCount(1);
  await expect(farm.getByTestId("journey-coverage")).toContainText("Not measured (no readings):");
  await farm.screenshot({ path: testInfo.outputPath("excursion-lot-360.png"), fullPage: true });

  // The farm, holding it, is alerted on its lots page; then it ships the lot to the store.
  await farm.goto("/lots");
  // One alert for the one excursion (lib/holds), open until acknowledged with a comment.
  await expect(farm.getByRole("alert", { name: "Temperature excursions" })).toContainText(
    `Lot ${lotCode}: Outside 0 to 5 °C for 47 min (worst 14.2 °C). Began`,
  );
  await farm.goto(`/lots/${lotId}`);
  await farm.getByLabel("Ship to").selectOption({ label: "FreshMart Supermarkets (retailer)" });
  await farm.getByRole("button", { name: "Ship this lot" }).click();
  await farm.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(farm.getByTestId("custody")).toHaveText(/^On its way/);

  for (const size of ["phone", "desktop"] as const) {
    const store = await pageAs(browser, "store@lotledger.demo", size);
    await store.goto("/lots");
    await expect(store.getByRole("alert", { name: "Temperature excursions" })).toContainText(
      `Lot ${lotCode} (on its way to you): Outside 0 to 5 °C for 47 min (worst 14.2 °C). Began`,
    );
    const width = size === "phone" ? 360 : 1280;
    await store.screenshot({
      path: testInfo.outputPath(`store-alert-${width}.png`),
      fullPage: true,
    });
    await store
      .getByRole("link", { name: `Lot ${lotCode}` })
      .first()
      .click();
    await expect(store.getByTestId("judgement")).toHaveText(
      "⚠ Outside its range for 47 min (max 14.2 °C)",
    );
    await store.screenshot({ path: testInfo.outputPath(`store-lot-${width}.png`), fullPage: true });
    expect(await store.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
    await store.context().close();
  }
  await farm.context().close();
});
