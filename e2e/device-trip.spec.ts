import type { Browser, Page } from "@playwright/test";
import { Wallet } from "ethers";
import { lotIdOf } from "@/lib/chain/lot-id";
import { readingBatchDomain } from "@/lib/chain/reading-batch";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { connectLogger } from "@/tools/device/logger-connection";
import { parseSimulateOptions } from "@/tools/device/simulate-options";
import { simulateTrip } from "@/tools/device/simulate-trip";
import { expect, expectOnLedger, fillLotForm, formError, signIn, test } from "./fixtures";

// The whole story on the real parts: ColdRoute registers its truck's logger and attaches it
// to the lot for the trip; the simulated logger signs its batches and publishes them over the real
// MQTT broker (CI's Mosquitto, else the stack's embedded one); an excursion past the product's
// allowance holds the lot on the chain; the carrier's scan says so, FreshMart's accept is refused
// with a sentence, ColdRoute's quality manager releases it with a reason, and the consumer page
// shows the chart and the verified device.

const GTIN = "09506000134352";
const PHONE = { width: 360, height: 740 };
const TRIP_MINUTES = 90;

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL, viewport: PHONE });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** A time as ColdRoute's people type it: its organisation's wall clock (Los Angeles). */
function losAngelesWallClock(at: Date): string {
  const text = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/Los_Angeles",
    ...{ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
  }).format(at);
  return text.replace(" ", "T");
}

test("a truck logger's excursion over MQTT holds the lot on the chain until ColdRoute releases it", async ({
  browser,
  db,
  lotCode,
}) => {
  test.setTimeout(300_000);
  const lotPath = `/lots/${lotIdOf(GTIN, lotCode)}`;
  const logger = Wallet.createRandom();
  const loggerName = `Reefer ${lotCode.slice(-6)} logger`;

  // The farm ships the lot to FreshMart, carried by ColdRoute, which picks it up.
  const farm = await pageAs(browser, "farm@lotledger.demo");
  await fillLotForm(farm, { gtin: GTIN, lotCode, quantity: "6", unit: "case" });
  await expectOnLedger(farm);
  await farm.goto(lotPath);
  await farm.getByLabel("Ship to").selectOption({ label: "FreshMart Supermarkets (retailer)" });
  await farm.getByLabel("Carrier", { exact: true }).selectOption({ label: "ColdRoute Logistics" });
  await farm.getByRole("button", { name: "Ship this lot" }).click();
  await farm.getByRole("button", { name: "Confirm shipment" }).click();
  await expectOnLedger(farm);
  const carrier = await pageAs(browser, "carrier@lotledger.demo");
  await carrier.goto(lotPath);
  await carrier.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
  await expect(carrier.getByTestId("custody")).toHaveText("Held · ColdRoute Logistics · 6 case");

  // ColdRoute's admin registers the truck's logger and attaches it to the lot for the trip.
  await carrier.goto("/organization/devices");
  const register = carrier.getByRole("form", { name: "Register a data logger" });
  await register.getByLabel("Name").fill(loggerName);
  await register.getByLabel("The logger's address").fill(logger.address);
  await register.getByRole("button", { name: "Register the logger" }).click();
  await expect(register.getByRole("status")).toContainText(`Registered ✓ “${loggerName}”`);
  await carrier.getByLabel("Logger", { exact: true }).selectOption({ label: loggerName });
  await carrier.getByLabel("Travels with").selectOption(`lot:${lotIdOf(GTIN, lotCode)}`);
  const tripStart = new Date(Date.now() - (TRIP_MINUTES + 15) * 60_000);
  await carrier.getByLabel("From").fill(losAngelesWallClock(tripStart));
  await carrier.getByRole("button", { name: "Attach the logger" }).click();
  const attach = carrier.getByRole("region", { name: /^Attach a logger/ });
  await expect(attach.getByTestId("recorded")).toContainText("Attached ✓");
  await expect(async () => {
    const device = await db.device.findFirst({ where: { address: logger.address.toLowerCase() } });
    expect(device?.status).toBe("ACTIVE");
  }).toPass({ timeout: 30_000 });

  // ColdRoute delivers to FreshMart; on the way the reefer warms to 12 °C for 45 minutes.
  await carrier.goto(lotPath);
  await carrier.getByRole("button", { name: "Deliver this lot" }).click();
  await carrier.getByRole("button", { name: "Confirm delivery" }).click();
  await expectOnLedger(carrier);
  const mqttUrl = process.env.E2E_MQTT_URL as string;
  const options = parseSimulateOptions(
    [
      ...["--key", logger.privateKey, "--gtin", GTIN, "--lot", lotCode],
      ...["--duration", String(TRIP_MINUTES), "--speed", "3000"],
      ...["--excursion", "at=30,minutes=45,peak=12", "--range=0..5"],
    ],
    mqttUrl,
  );
  const deployment = await db.contractDeployment.findFirstOrThrow();
  const connection = await connectLogger(mqttUrl, logger.address.toLowerCase());
  const lines: string[] = [];
  const tally = await simulateTrip({
    options,
    domain: readingBatchDomain(deployment.chainId, deployment.address),
    range: { minMilliCelsius: 0, maxMilliCelsius: 5_000 },
    firstSequence: 1,
    logger: connection,
    log: (line) => lines.push(line),
  }).finally(() => connection.close());
  expect(tally.rejected, lines.join("\n")).toBe(0);
  expect(tally.accepted).toBeGreaterThan(1);
  // The contract holds the lot in the transaction that anchors the batch past the allowance.
  await expect(async () => {
    const lot = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, lotCode) } });
    expect(lot.isOnHold).toBe(true);
  }).toPass({ timeout: 60_000 });
  const hold = await db.lotHold.findFirstOrThrow({ where: { lotId: lotIdOf(GTIN, lotCode) } });
  expect(hold.maxMilliCelsius).toBeGreaterThan(5_000);

  // The carrier's phone scan of the label: one screen, ON HOLD.
  await carrier.goto("/scan");
  const label = buildDigitalLink({
    stem: process.env.E2E_BASE_URL as string,
    ais: { "01": GTIN, "10": lotCode },
  });
  await carrier.getByLabel("Type the code").fill(label);
  await carrier.getByRole("button", { name: "Look up" }).click();
  await expect(carrier.getByRole("alertdialog", { name: "ON HOLD — do not ship" })).toBeVisible();

  // FreshMart's accept is refused with the reason and who must release it.
  const store = await pageAs(browser, "store@lotledger.demo");
  await store.goto(lotPath);
  await store.getByRole("button", { name: "Accept shipment from ColdRoute Logistics" }).click();
  await expect(formError(store)).toHaveText(
    new RegExp(
      `^Lot ${lotCode} is on hold: it spent \\d+ min outside 0 to 5 °C \\(device ${loggerName}\\); ColdRoute Logistics must release it before it can be received\\.$`,
    ),
  );

  // ColdRoute's quality manager releases it with a reason; FreshMart can then receive it.
  await carrier.goto(lotPath);
  await carrier
    .getByLabel("Why are the goods fit to release?")
    .fill("Probed 12 cases at the dock: core 3.1 °C, leaves crisp. Released by QA.");
  await carrier.getByRole("button", { name: `Release lot ${lotCode} from hold` }).click();
  await expect(async () => {
    const lot = await db.lot.findUniqueOrThrow({ where: { id: lotIdOf(GTIN, lotCode) } });
    expect(lot.isOnHold).toBe(false);
  }).toPass({ timeout: 30_000 });
  await store.goto(lotPath);
  await store.getByRole("button", { name: "Accept shipment from ColdRoute Logistics" }).click();
  await expect(store.getByTestId("custody")).toHaveText("Held · FreshMart Supermarkets · 6 case");

  // Any reading's evidence: its Merkle proof leads to the root the logger's batch anchored.
  const reading = await db.temperatureReading.findFirstOrThrow({
    where: { lotId: lotIdOf(GTIN, lotCode), deviceId: { not: null } },
  });
  const proof = await store.request.get(`/api/readings/${reading.id}/proof`);
  expect(await proof.json()).toMatchObject({ reading: { id: reading.id }, isVerified: true });

  // The consumer's page: the chart on its band, the device that measured it, verified.
  const consumer = await browser.newPage({ baseURL: process.env.E2E_BASE_URL, viewport: PHONE });
  const batches = consumer.getByTestId("device-batch");
  // Each batch is verified once the indexer has read its anchor: the last ones a moment after.
  await expect(async () => {
    await consumer.goto(`/01/${GTIN}/10/${lotCode}`);
    await expect(batches.first().getByTestId("measured-by")).toHaveText(
      `Measured by ${loggerName} of ColdRoute Logistics`,
      { timeout: 1_000 },
    );
    await expect(batches.getByTestId("device-verification")).toHaveText(
      Array(tally.accepted).fill("Signed by the device ✓ and verified on the ledger"),
      { timeout: 1_000 },
    );
  }).toPass({ timeout: 30_000 });
  await expect(consumer.getByTestId("storage-range-band").first()).toBeVisible();
  expect(await consumer.getByTestId("reading-outside-range").count()).toBeGreaterThan(0);
  await expect(consumer.getByTestId("hold-notice")).toContainText("Probed 12 cases at the dock");
  for (const page of [farm, carrier, store]) await page.context().close();
  await consumer.close();
});
