import { lotIdOf } from "@/lib/chain/lot-id";
import type { Db } from "@/lib/db/client";
import { buildDigitalLink } from "@/lib/gs1/digital-link";
import { seedDevice, seedDeviceBatch, seedLotHold } from "@/tools/testing/device-cold-chain-seed";
import { expect, expectOnLedger, fillLotForm, signIn, test } from "./fixtures";

// A lot the storage rule held, as the people around it see it: the farm's phone scan says ON HOLD
// in one screen with no next step, the lots list says on hold, and the consumer page shows the
// logger that measured it, the verdict on its signed batch, the band and the readings outside it.
// The device's batch and the hold are written into the read model as the indexer would (with a
// real EIP-712 signature): ingestion and the contract's rule have their own tests.

const GTIN = "09506000134352";
const FARM = "farm@lotledger.demo";
const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

/** Registers ColdRoute's truck logger, its batch with two readings above 0–5 °C, and the hold. */
async function holdLot(db: Db, lotCode: string) {
  const lotId = lotIdOf(GTIN, lotCode);
  const deployment = await db.contractDeployment.findFirstOrThrow();
  const carrier = await db.organization.findFirstOrThrow({ where: { kind: "CARRIER" } });
  const { device, wallet } = await seedDevice(db, {
    chainId: deployment.chainId,
    organizationId: carrier.id,
    name: `Truck logger ${lotCode}`,
  });
  // The GTIN's rule as StorageRuleSet leaves it: 0–5 °C, 30 min allowed.
  const rule = { minMilliCelsius: 0, maxMilliCelsius: 5000, allowedExcursionMinutes: 30 };
  await db.storageRule.upsert({
    where: { chainId_gtin: { chainId: deployment.chainId, gtin: GTIN } },
    update: rule,
    create: {
      ...rule,
      chainId: deployment.chainId,
      gtin: GTIN,
      setBy: "0x0",
      txHash: "0x0",
      blockNumber: 0,
    },
  });
  const startAt = new Date(Date.now() - 3 * 3_600_000);
  await seedDeviceBatch(db, {
    ...{ lot: { id: lotId, gtin: GTIN, lotCode }, device, wallet, contract: deployment.address },
    ...{
      sequence: 1,
      startAt,
      celsius: [3, 4, 6.5, 9.2, 4.5, 3],
      range: { minCelsius: 0, maxCelsius: 5 },
    },
  });
  await seedLotHold(db, {
    ...{ chainId: deployment.chainId, lotId, deviceAddress: device.address },
    ...{ heldAt: new Date(startAt.getTime() + 4 * 60_000), excursionMinutes: 47 },
    ...{ minCelsius: 3, maxCelsius: 9.2 },
  });
  return { device };
}

test("the farm's scan of a held lot says ON HOLD — do not ship, why, and who releases it", async ({
  page,
  baseURL,
  db,
  lotCode,
}) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "40" });
  await expectOnLedger(page);
  const { device } = await holdLot(db, lotCode);

  await page.goto("/scan");
  const label = buildDigitalLink({ stem: baseURL as string, ais: { "01": GTIN, "10": lotCode } });
  await page.getByLabel("Type the code").fill(label);
  await page.getByRole("button", { name: "Look up" }).click();
  const hold = page.getByRole("alertdialog", { name: "ON HOLD — do not ship" });
  await expect(hold).toBeVisible();
  await expect(hold.getByTestId("hold-why")).toHaveText(
    `It spent 47 min above 5 °C (up to 9.2 °C), measured by ${device.name}.`,
  );
  await expect(hold.getByTestId("hold-release")).toHaveText(
    "Only an admin of Green Valley Farm (the quality manager) can release it, after checking the goods.",
  );
  // No next step but to look: the ledger refuses shipping and accepting a held lot.
  await expect(hold.getByRole("button")).toHaveText(["Scan next"]);
  await expect(hold.getByRole("link")).toHaveText(["Open the lot to release it"]);

  await page.goto(`/lots?q=${lotCode}`);
  await expect(page.getByRole("listitem").filter({ hasText: `Lot ${lotCode}` })).toContainText(
    "on hold",
  );
});

test("the consumer page shows the logger, its verified signature, the band and the hold", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, FARM);
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "12" });
  await expectOnLedger(page);
  const { device } = await holdLot(db, lotCode);
  await page.context().clearCookies();

  await page.goto(`/01/${GTIN}/10/${lotCode}`);
  const batch = page.getByTestId("device-batch");
  await expect(batch.getByTestId("measured-by")).toHaveText(
    `Measured by ${device.name} of ColdRoute Logistics`,
  );
  await expect(batch.getByTestId("device-verification")).toHaveText(
    "Signed by the device ✓ and verified on the ledger",
  );
  await expect(batch.getByTestId("storage-range-band")).toHaveCount(1);
  await expect(batch.getByTestId("reading-outside-range")).toHaveCount(2);
  await expect(page.getByTestId("hold-notice")).toContainText(
    `after 47 min above 5 °C (up to 9.2 °C), measured by ${device.name}. It may not be shipped or sold until Green Valley Farm checks it and releases it.`,
  );
});
