import { lotIdOf } from "@/lib/chain/lot-id";
import { expect, expectOnLedger, signIn, test } from "./fixtures/index";
import { GTIN } from "./fixtures/journey";
import { createSerialisedLot } from "./fixtures/ledger-writes";

test.use({ viewport: { width: 360, height: 740 } });

test("adding a third new lot to a split keeps what was typed, and the split makes all three", async ({
  page,
  db,
  lotCode,
}) => {
  // A lot of 10 cases at the farm, split from its page on a phone.
  const { lotId } = await createSerialisedLot(db, { gtin: GTIN, lotCode, count: 10 });
  const codes = ["A", "B", "C"].map((suffix) => `${lotCode}-${suffix}`.slice(-20));
  await signIn(page, "farm@lotledger.demo");
  await page.goto(`/events/split?lot=${lotId}`);
  const lotCodes = page.getByLabel("New lot code");
  const quantities = page.getByLabel("Quantity");
  await expect(lotCodes).toHaveCount(2);
  await lotCodes.nth(0).fill(codes[0] as string);
  await quantities.nth(0).fill("5");
  await page.getByLabel("Unit").nth(0).selectOption("case");
  await page.getByLabel("Document number").fill("PO-77");

  await page.getByRole("button", { name: "Add another new lot" }).click();
  await expect(lotCodes).toHaveCount(3);
  await expect(lotCodes.nth(0)).toHaveValue(codes[0] as string);
  await expect(quantities.nth(0)).toHaveValue("5");
  await expect(page.getByLabel("Unit").nth(0)).toHaveValue("case");
  await expect(page.getByLabel("Document number")).toHaveValue("PO-77");

  for (const i of [1, 2]) {
    await lotCodes.nth(i).fill(codes[i] as string);
    await quantities.nth(i).fill(i === 1 ? "3" : "2");
    await page.getByLabel("Unit").nth(i).selectOption("case");
  }
  await page.getByRole("button", { name: "Record split" }).click();
  await expect(page).toHaveURL(/\/lots\/0x[0-9a-f]{64}\?write=\w+$/, { timeout: 30_000 });
  await expectOnLedger(page);
  const made = await db.lot.findMany({
    where: { id: { in: codes.map((code) => lotIdOf(GTIN, code)) } },
    select: { lotCode: true, quantity: true },
    orderBy: { lotCode: "asc" },
  });
  expect(made.map((lot) => [lot.lotCode, lot.quantity?.toString()])).toEqual([
    [codes[0], "5"],
    [codes[1], "3"],
    [codes[2], "2"],
  ]);
});
