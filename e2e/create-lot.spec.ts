import { lotIdOf } from "@/lib/chain/lot-id";
import {
  DEMO_PASSWORD,
  expect,
  expectOnLedger,
  fillLotForm,
  formError,
  signIn,
  test,
} from "./fixtures";

const GTIN = "09506000134352"; // GS1's example GTIN, valid check digit

test("a farm user records a lot and sees it listed with its transaction hash and block", async ({
  page,
  db,
  lotCode,
}) => {
  await signIn(page, "farm@lotledger.demo");
  await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "1250.5", unit: "kg" });

  await expect(page).toHaveURL(/\/lots\?created=0x[0-9a-f]{64}&write=\w+$/);
  await expectOnLedger(page);
  const card = page.getByRole("listitem").filter({ hasText: `Lot ${lotCode}` });
  await expect(card).toBeVisible();
  await expect(card).toContainText("1250.5 kg");
  await expect(card.getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{64}$/);

  const lot = await db.lot.findFirstOrThrow({ where: { lotCode } });
  await expect(card.getByTestId("tx-hash")).toHaveText(lot.createdTxHash);
  await expect(card.getByTestId("block-number")).toHaveText(String(lot.createdBlock));
  expect(lot.gtin).toBe(GTIN);
  const event = await db.ledgerEvent.findFirstOrThrow({
    where: { lotId: lot.id, name: "LotCreated" },
  });
  expect(event.txHash).toBe(lot.createdTxHash);
});

test.describe("bad input gets one clear sentence and writes nothing", () => {
  const cases = [
    {
      name: "wrong GTIN check digit",
      lot: { gtin: "09506000134353", quantity: "10" },
      message:
        "GTIN 09506000134353 has a wrong check digit: the last digit should be 2, not 3. Check the number on the label.",
    },
    {
      name: "empty lot code",
      lot: { gtin: GTIN, quantity: "10", lotCode: "" },
      message: "Enter a lot code, the batch number after (10) on the label.",
    },
    {
      name: "zero quantity",
      lot: { gtin: GTIN, quantity: "0" },
      message: "The quantity must be more than 0.",
    },
    {
      name: "negative quantity",
      lot: { gtin: GTIN, quantity: "-4" },
      message: "The quantity must be more than 0.",
    },
  ];
  for (const { name, lot, message } of cases) {
    test(name, async ({ page, db, lotCode }) => {
      await signIn(page, "farm@lotledger.demo");
      const before = { lots: await db.lot.count(), payloads: await db.eventPayload.count() };
      await fillLotForm(page, { lotCode, ...lot });
      await expect(formError(page)).toHaveText(message);
      // What was typed is still there to correct.
      await expect(page.getByLabel("Quantity")).toHaveValue(lot.quantity);
      expect({ lots: await db.lot.count(), payloads: await db.eventPayload.count() }).toEqual(
        before,
      );
    });
  }

  test("a lot code already on the ledger", async ({ page, lotCode }) => {
    await signIn(page, "farm@lotledger.demo");
    await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "5" });
    await expect(page).toHaveURL(/created=/);
    await expectOnLedger(page);
    await expectOnLedger(page);
    await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "5" });
    await expect(formError(page)).toHaveText(
      `Lot ${lotCode} of GTIN ${GTIN} is already on the ledger: give a new batch a new lot code.`,
    );
  });
});

test("with the ledger down the lot is saved and waits for it, then turns on the ledger by itself once it is back", async ({
  page,
  db,
  stack,
  lotCode,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "farm@lotledger.demo");
  const lotsBefore = await db.lot.count();
  const status = page.getByTestId("ledger-write-status");
  await stack.stopChain();
  try {
    await fillLotForm(page, { gtin: GTIN, lotCode, quantity: "10" });
    // Answered at once, without waiting for the chain.
    await expect(page).toHaveURL(/\/lots\?created=0x[0-9a-f]{64}&write=\w+$/);
    await expect(status).toHaveText("Saved · waiting for the ledger");
    await expect(page.getByRole("status").filter({ has: status })).toContainText(
      `Lot ${lotCode} is saved.`,
    );
    // Still waiting after a while: said plainly, so nobody enters it twice.
    await expect(page.getByRole("status").filter({ has: status })).toContainText(
      "The ledger is slow to answer or unreachable: it goes on the ledger as soon as the ledger answers. Nothing needs to be entered again.",
    );
    // Nothing is shown as recorded that the ledger has not recorded.
    expect(await db.lot.count()).toBe(lotsBefore);
    expect(
      await db.ledgerTransaction.findFirstOrThrow({ where: { lotId: lotIdOf(GTIN, lotCode) } }),
    ).toMatchObject({
      status: "PENDING",
      txHash: null,
    });
  } finally {
    await stack.startChain();
  }
  // No reload: the page asks until the indexer has it, then shows the lot in the list.
  await expect(status).toHaveText("On the ledger ✓", { timeout: 30_000 });
  const card = page
    .getByRole("list", { name: "Lots" })
    .getByRole("listitem")
    .filter({ hasText: `Lot ${lotCode}` });
  await expect(card.getByTestId("tx-hash")).toHaveText(/^0x[0-9a-f]{64}$/);
  // Not waiting any more (the farm's other writes, such as another spec's refused one, may be).
  await expect(
    page.getByRole("list", { name: "Waiting for the ledger" }).getByText(lotCode),
  ).toHaveCount(0);
});

test("a carrier cannot create lots", async ({ page }) => {
  await signIn(page, "carrier@lotledger.demo");
  await expect(page.getByRole("link", { name: "New lot" })).toHaveCount(0);
  await page.goto("/lots/new");
  await expect(formError(page)).toHaveText(
    "Only staff of farms, packers and processors create lots.",
  );
});

test("a wrong password is refused with a sentence", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("farm@lotledger.demo");
  await page.getByLabel("Password").fill(`${DEMO_PASSWORD}-wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formError(page)).toHaveText(
    "The email or password is wrong: check them and try again.",
  );
});

test("the new-lot form fits a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "farm@lotledger.demo");
  await page.goto("/lots/new");
  await expect(page.getByRole("button", { name: "Record lot on the ledger" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
