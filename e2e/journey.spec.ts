import type { Page } from "@playwright/test";
import { JsonRpcProvider } from "ethers";
import { LotTracker__factory } from "@/lib/chain/generated";
import { lotIdOf } from "@/lib/chain/lot-id";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { expect, expectOnLedger, signIn, test } from "./fixtures";
import { launchWithFakeCamera } from "./fixtures/fake-camera";

const PRODUCE_GTIN = "09506000134352";
const PACKED_GTIN = "09506000134369";
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

async function shipTo(page: Page, recipient: string, expectedCustody: string) {
  await page.getByLabel("Ship to").selectOption({ label: recipient });
  await page.getByRole("button", { name: "Ship this lot" }).click();
  await page.getByRole("button", { name: "Confirm shipment" }).click();
  await expect(page.getByTestId("custody")).toHaveText(expectedCustody);
}

test("farm to shelf on phones: harvest, pack with packages, ship, carrier scans to accept, store accepts — all on the ledger", async ({
  page,
  db,
  baseURL,
  lotCode,
}, testInfo) => {
  test.setTimeout(120_000);
  const packedCode = `${lotCode}-P`.slice(0, 20);
  const packedId = lotIdOf(PACKED_GTIN, packedCode);

  // The farm harvests…
  await signIn(page, "farm@lotledger.demo");
  await page
    .getByRole("navigation", { name: "Record" })
    .getByRole("link", { name: "Harvest" })
    .click();
  await page.getByLabel("Commodity").fill("Lettuce");
  await page.getByLabel("Variety").fill("Romaine");
  await page.getByLabel("Field or growing area").fill("Field 7, north block");
  await page.getByLabel("GTIN").fill(PRODUCE_GTIN);
  await page.getByLabel("New lot code").fill(lotCode);
  await page.getByLabel("Quantity", { exact: true }).fill("500");
  await page.getByLabel("Goes next to").selectOption({ label: "Green Valley Farm, Field 7" });
  await page.getByLabel("Document number").fill("HL-2026-118");
  await page.getByRole("button", { name: "Record harvest" }).click();
  await expect(page).toHaveURL(new RegExp(`/lots/${lotIdOf(PRODUCE_GTIN, lotCode)}\\?write=\\w+$`));
  await expectOnLedger(page);
  await expect(page.getByTestId("custody")).toHaveText("Held · Green Valley Farm · 500 kg");

  // …packs it under a new traceability lot code, labelling 3 packages, with the harvest's KDEs prefilled.
  await page
    .getByRole("navigation", { name: "Record an event" })
    .getByRole("link", { name: "Initial packing" })
    .click();
  await expect(page.getByLabel("Commodity")).toHaveValue("Lettuce");
  await expect(page.getByLabel("Field or growing area")).toHaveValue("Field 7, north block");
  await expect(page.getByLabel("Quantity received")).toHaveValue("500");
  await page.getByLabel("Product description").fill("Romaine hearts, 3-pack");
  await page.getByRole("combobox", { name: /GTIN/ }).fill(PACKED_GTIN);
  await page.getByLabel("New lot code").fill(packedCode);
  await page.getByLabel("Quantity", { exact: true }).fill("480");
  await page.getByLabel("Packages to label").fill("3");
  await page.getByLabel("Document number").fill("PACK-77");
  await page.getByRole("button", { name: "Record packing" }).click();
  await expect(page).toHaveURL(new RegExp(`/lots/${packedId}\\?write=\\w+$`));
  await expectOnLedger(page);
  await expect(page.getByTestId("packages")).toHaveText("3 packages labelled");
  // The harvest, used up by the packing, is verified to its last event, in the words recorded.
  await page.goto(`/lots/${lotIdOf(PRODUCE_GTIN, lotCode)}`);
  const harvestTrail = page.getByRole("list", { name: "Trail" }).getByRole("listitem");
  await expect(harvestTrail.last()).toContainText(
    "Used up in initial packing by Green Valley Farm",
  );
  await expect(harvestTrail.getByTestId("verification")).toHaveText([
    "✓ verified on the ledger",
    "✓ verified on the ledger",
  ]);
  await page.screenshot({ path: testInfo.outputPath("used-up-trail-360.png"), fullPage: true });
  await page.goto(`/lots/${packedId}`);

  // …and ships it to the carrier.
  await page.screenshot({ path: testInfo.outputPath("ship-form-360.png"), fullPage: true });
  await shipTo(
    page,
    "ColdRoute Logistics (carrier)",
    "On its way from Green Valley Farm to ColdRoute Logistics · 480 kg",
  );

  // The carrier's phone camera reads a package's label and lands on "accept".
  const serial = (await db.package.findFirstOrThrow({ where: { lotId: packedId } })).serial;
  const label = buildDigitalLink({
    stem: baseURL as string,
    ais: { "01": PACKED_GTIN, "10": packedCode, "21": serial },
  });
  const { browser: cameraBrowser } = await launchWithFakeCamera(testInfo, label);
  try {
    const context = await cameraBrowser.newContext({
      baseURL,
      viewport: PHONE,
      permissions: ["camera"],
    });
    const carrier = await context.newPage();
    await signIn(carrier, "carrier@lotledger.demo");
    await carrier.goto("/scan");
    await expect(carrier).toHaveURL(new RegExp(`/lots/${packedId}\\?action=receive$`));
    await carrier.getByRole("button", { name: "Accept shipment from Green Valley Farm" }).click();
    await expect(carrier.getByTestId("custody")).toHaveText("Held · ColdRoute Logistics · 480 kg");
    await shipTo(
      carrier,
      "FreshMart Supermarkets (retailer)",
      "On its way from ColdRoute Logistics to FreshMart Supermarkets · 480 kg",
    );
  } finally {
    await cameraBrowser.close();
  }

  // The supermarket accepts it from its incoming list.
  const store = await (
    await page.context().browser()?.newContext({ baseURL, viewport: PHONE })
  )?.newPage();
  if (!store) throw new Error("no browser");
  await signIn(store, "store@lotledger.demo");
  await store
    .getByRole("list", { name: "Incoming shipments" })
    .getByRole("link", { name: `Lot ${packedCode}` })
    .click();
  await store.getByRole("button", { name: "Accept shipment from ColdRoute Logistics" }).click();
  await expect(store.getByTestId("custody")).toHaveText("Held · FreshMart Supermarkets · 480 kg");

  // Every step is a mined transaction of LotTracker, indexed in order, and the chain names the store.
  const events = await db.ledgerEvent.findMany({
    where: { lotId: { in: [packedId, lotIdOf(PRODUCE_GTIN, lotCode)] } },
    orderBy: [{ blockNumber: "asc" }, { logIndex: "asc" }],
  });
  expect(events.map((event) => event.name)).toEqual([
    "LotCreated",
    "LotConsumed",
    "LotDerived",
    "LotHandedOff",
    "LotHandoffAccepted",
    "LotHandedOff",
    "LotHandoffAccepted",
  ]);
  const provider = new JsonRpcProvider(process.env.E2E_RPC_URL, 31337, { staticNetwork: true });
  for (const event of events)
    expect((await provider.getTransactionReceipt(event.txHash))?.status).toBe(1);
  const deployment = await db.contractDeployment.findFirstOrThrow();
  const freshMart = await db.organization.findFirstOrThrow({ where: { kind: "RETAILER" } });
  const lotTracker = LotTracker__factory.connect(deployment.address, provider);
  expect(await lotTracker.custodianOf(packedId)).toBe(freshMart.chainAddress);
  provider.destroy();

  // A shopper's phone opens the packed lot's Digital Link: the steps in the words of the events.
  await store.goto(`/01/${PACKED_GTIN}/10/${packedCode}`);
  const steps = store.getByRole("listitem").filter({ hasText: "verified on the ledger" });
  // From the field: the harvest lot's own step first, then the packed lot's.
  await expect(steps.nth(0)).toContainText("Harvested by Green Valley Farm");
  await expect(steps.nth(0).getByTestId("source-lot")).toHaveText(
    `Lot ${lotCode}, which this lot was made from`,
  );
  await expect(steps.nth(1)).toContainText("Packed at Green Valley Farm");
  await expect(steps.nth(1).getByTestId("source-lot")).toHaveCount(0);
  await expect(steps.nth(2)).toContainText("Shipped by Green Valley Farm to ColdRoute Logistics");
  await expect(store.getByTestId("origin")).toContainText("Green Valley Farm");
});
